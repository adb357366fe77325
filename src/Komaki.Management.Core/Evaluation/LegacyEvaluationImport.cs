using System.Globalization;
using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Budgets;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Importing;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Evaluation;

/// Brings years of evaluations in from a city's previous evaluation system, one row per project (the layout of
/// tests/Fixtures/real: split code digits, year blocks by their year headings (placed by position, with a warning,
/// only when none has one), full-width labels, dashes for
/// "no value"). Matches or creates the plan tree by code (政策 → 施策 → 基本事業 → 事務事業) in the current plan, each
/// year's costs and 人工 (from hours worked), the indicators with their yearly values, and the latest year's
/// evaluation. Directions and ratings are read through the label table; 部課名 through the unit mapping — nothing
/// is guessed and no unit is made unless the user asked for it. Same contract as every import.
public sealed class LegacyEvaluationImport(ImportContext context) : SheetImport(context)
{
    public static readonly SheetKind Sheet = new(SheetKind.Evaluations, "事務事業評価（前システムから）",
        context => new LegacyEvaluationImport(context),
        (db, year, output, _) => EvaluationExport.WriteAsync(db, year, output),
        year => $"事務事業評価_{Wareki.FiscalYearShort(year)}.xlsx",
        new SheetRoute("Evaluations", "Index", "Year"), SheetAccess.Planning)
    {
        ExportForReader = (db, year, output, reader, org) => EvaluationExport.WriteAsync(db, year, output, e => EvaluationAccess.CanRead(reader, e, org)),
        ExportAreas = [DataArea.Plan, DataArea.Do, DataArea.Check, DataArea.Indicators, DataArea.Settings],
    };

    /// Why a blank text of the previous system's sheet keeps what is stored: the previous system had nothing there, and
    /// what staff have written here since is not erased by a history import.
    private const string KeptText = "前のシステムで書かれていない文章は、この取り込みでは消しません";

    private static readonly string[] SourceLabels = ["国庫支出金", "都道府県支出金", "地方債", "その他", "一般財源"];

    private static readonly string[] IndicatorLetters = ["ア", "イ", "ウ", "カ", "キ", "ク", "サ", "シ", "ス"];

    public static readonly FieldSpec Code = new("code", "事務事業ID", ["事業ID", "事業コード", "事務事業コード", "事業番号", "事務事業番号"], Required: true);
    public static readonly FieldSpec Name = new("name", "事務事業名", ["事業名", "事業の名称", "事務事業の名称"], Required: true);
    public static readonly FieldSpec Unit = new("unit", "部課名", ["担当部課", "担当課", "所管課", "担当部署", "担当課名", "課名"], Required: true);
    public static readonly FieldSpec Summary = new("summary", "事務事業の概要", ["事業の概要", "事業概要"]);
    public static readonly FieldSpec PolicyTens = new("p10", "政策番号十の位", []);
    public static readonly FieldSpec PolicyOnes = new("p1", "政策番号一の位", []);
    public static readonly FieldSpec PolicyNo = new("p", "政策番号", []);
    public static readonly FieldSpec PolicyName = new("pname", "政策名", []);
    public static readonly FieldSpec MeasureTens = new("m10", "施策番号十の位", []);
    public static readonly FieldSpec MeasureOnes = new("m1", "施策番号一の位", []);
    public static readonly FieldSpec MeasureNo = new("m", "施策番号", []);
    public static readonly FieldSpec MeasureName = new("mname", "施策名", []);
    public static readonly FieldSpec BasicTens = new("b10", "基本事業番号十の位", []);
    public static readonly FieldSpec BasicOnes = new("b1", "基本事業番号一の位", []);
    public static readonly FieldSpec BasicName = new("bname", "基本事業名", []);
    public static readonly FieldSpec Necessity = new("necessity", "公共関与の妥当性", []);
    public static readonly FieldSpec Effectiveness = new("effectiveness", "成果の向上余地", []);
    public static readonly FieldSpec CostCut = new("costcut", "事業費の削減余地", []);
    public static readonly FieldSpec StaffCut = new("staffcut", "人件費の削減余地", []);
    public static readonly FieldSpec Equity = new("equity", "受益機会・費用負担の適正化余地", []);
    public static readonly FieldSpec Direction = new("direction", "今後の方向性", ["課長等意見今後の方向性", "方向性"], Required: true);
    public static readonly FieldSpec Conclusion = new("conclusion", "全体総括・今後の改革改善の内容", ["改善内容", "今後の改革改善の内容"]);
    public static readonly FieldSpec InPlan = new("inplan", "実施計画", [], Reference: true);

    private static readonly IReadOnlyList<FieldSpec> Fields =
    [
        Code, Name, Unit, Summary, PolicyTens, PolicyOnes, PolicyNo, PolicyName, MeasureTens, MeasureOnes, MeasureNo, MeasureName,
        BasicTens, BasicOnes, BasicName, Necessity, Effectiveness, CostCut, StaffCut, Equity, Direction, Conclusion, InPlan,
    ];

    /// One year's block of columns: the five sources, 事業費計, hours, 人件費, total, and the nine indicator slots.
    private sealed record Block(int Start, int[] Sources, int Cost, int? People, int? Hours, int? Staff, int? Total, int?[] Indicators)
    {
        public int Year { get; set; }
        public IEnumerable<int> Amounts => Sources.Append(Cost).Concat(new[] { Staff, Total }.OfType<int>());
        public IEnumerable<int> Read => Amounts.Concat(new[] { Hours }.OfType<int>()).Concat(Indicators.OfType<int>());
    }

    private List<Block> _blocks = [];
    private HashSet<int> _publishedActuals = [];
    private List<(int Slot, int Name, int? Unit)> _indicatorColumns = [];
    private BasicPlan _basic = null!;
    private Dictionary<string, Policy> _policies = [];
    private Dictionary<string, Measure> _measures = [];
    private Dictionary<string, BasicProject> _basics = [];
    private Dictionary<string, Project> _projects = [];
    private Dictionary<(int, int), BudgetLine> _budgets = [];
    private List<Indicator> _indicators = [];
    private Dictionary<int, ProjectEvaluation> _evaluations = [];
    private UnitBook _units = null!;
    private readonly Dictionary<string, int> _seenCodes = [];
    private readonly HashSet<string> _seenNames = [];
    private int _inPlanMarks;

    protected override SheetLayout Layout { get; } = new("事務事業評価", Fields, Code.Key, Code.Header)
    {
        IdentityKeys = [Name.Key],
        CodesAreProjects = true,
        Check = (g, m) =>
        {
            if (!m.HasField(PolicyTens.Key) && !m.HasField(PolicyNo.Key) || !m.HasField(MeasureTens.Key) && !m.HasField(MeasureNo.Key))
                throw new ExcelFileException($"シート「{g.Name}」に政策番号・施策番号の列がありません（「政策番号」「施策番号」、または十の位・一の位に分けた列）。");
            if (FindBlocks(g, m).Count == 0)
                throw new ExcelFileException($"シート「{g.Name}」に年度ごとの費用の列（国庫支出金 … 事業費計 … トータルコスト）が見つかりません。");
        },
        Extra = (g, m) =>
        {
            var blocks = FindBlocks(g, m);
            var indicators = IndicatorColumns(m);
            var read = blocks.SelectMany(b => b.Read).Concat(indicators.SelectMany(i => new[] { (int?)i.Name, i.Unit }).OfType<int>())
                .Concat(new[] { Necessity, Effectiveness, CostCut, Equity }.Select(f => m.Column(f.Key)).OfType<int>().Select(c => c + 1)).ToList();
            return new ExtraColumns(read, blocks.SelectMany(b => b.Amounts).ToList());
        },
    };

    /// Blocks start where 国庫支出金 is followed by 事業費計 within six columns; each runs to the next block.
    private static List<Block> FindBlocks(SheetGrid grid, HeaderMap map)
    {
        var header = Enumerable.Range(1, grid.LastColumn).Select(c => (Col: c, Key: HeaderMap.Key(grid.ShownText(map.LastHeaderRow, c)))).ToList();
        int? Find(int from, int to, params string[] names) =>
            header.Where(h => h.Col >= from && h.Col < to && names.Any(n => h.Key.StartsWith(n, StringComparison.Ordinal))).Select(h => (int?)h.Col).FirstOrDefault();
        var starts = header.Where(h => h.Key.StartsWith("国庫支出金", StringComparison.Ordinal) && Find(h.Col, h.Col + 7, CostNames) is not null).Select(h => h.Col).ToList();
        var blocks = new List<Block>();
        for (var i = 0; i < starts.Count; i++)
        {
            var start = starts[i];
            var end = i + 1 < starts.Count ? starts[i + 1] : start + 19;
            var sources = new[] { Find(start, end, "国庫支出金"), Find(start, end, "都道府県支出金", "県支出金"), Find(start, end, "地方債"), Find(start, end, "その他"), Find(start, end, "一般財源") };
            var cost = Find(start, end, CostNames);
            if (sources.Any(s => s is null) || cost is null) continue;
            var total = Find(start, end, "トータルコスト", "総コスト", "フルコスト");
            var indicators = total is int t ? Enumerable.Range(t + 1, IndicatorLetters.Length).Select(c => c < end ? (int?)c : null).ToArray() : new int?[IndicatorLetters.Length];
            blocks.Add(new Block(start, sources.Select(s => s!.Value).ToArray(), cost.Value, Find(start, end, "正規職員従事人数", "従事人数"),
                Find(start, end, "延べ業務時間", "業務時間"), Find(start, end, "人件費計", "人件費合計", "人件費"), total, indicators)
            {
                Year = Enumerable.Range(start, end - start).SelectMany(c => map.Labels.GetValueOrDefault(c) ?? []).Select(HeaderMap.YearOf).FirstOrDefault(y => y is not null) ?? 0,
            });
        }
        return blocks;
    }

    /// The wordings of a block's total of costs: 事業費計 in the previous system's own export, the others in its older ones.
    private static readonly string[] CostNames = ["事業費計", "事業費合計", "総事業費", "事業費総額"];

    /// The name and unit columns of each indicator slot (ア：名称, ア：単位 …).
    private static List<(int Slot, int Name, int? Unit)> IndicatorColumns(HeaderMap map)
    {
        var result = new List<(int, int, int?)>();
        for (var n = 0; n < IndicatorLetters.Length; n++)
        {
            var letter = IndicatorLetters[n];
            int? Col(string suffix) => map.Labels.Where(l => l.Value.Count > 0 && HeaderMap.Key(l.Value[^1]).EndsWith($"{letter}:{suffix}", StringComparison.Ordinal))
                .Select(l => (int?)l.Key).FirstOrDefault();
            if (Col("名称") is int name) result.Add((n, name, Col("単位")));
        }
        return result;
    }

    protected override async Task<string?> PrepareAsync(SheetTable table, CancellationToken ct)
    {
        var latestYear = Request.Scope;
        _blocks = FindBlocks(table.Grid, table.Map);
        var labelled = _blocks.Count(b => b.Year != 0);
        if (labelled == _blocks.Count)
        {
            // Years by their labels, in whatever order the sheet has them (newest first is common).
            if (_blocks.Select(b => b.Year).Distinct().Count() < _blocks.Count)
                return $"年度の見出しが重複しています（{string.Join("、", _blocks.Select(b => Wareki.FiscalYear(b.Year)))}）。年度ごとの列の見出しを確かめてください。";
            if (_blocks.Max(b => b.Year) != latestYear)
                return $"シートの最新の年度は{Wareki.FiscalYear(_blocks.Max(b => b.Year))}ですが、取り込み先は{Wareki.FiscalYear(latestYear)}です。取り込む年度を選び直してください。";
            Report.Notes.Add($"年度ごとの列を見出しの年度（{string.Join("・", _blocks.Select(b => Wareki.FiscalYear(b.Year)))}）として読みました。");
        }
        else if (labelled > 0)
        {
            return $"年度ごとの列のうち{labelled}つにだけ年度の見出しがあります。すべての年度の列に見出し（令和7年度 など）を付けるか、すべて外してから取り込んでください。";
        }
        else
        {
            for (var i = 0; i < _blocks.Count; i++) _blocks[i].Year = latestYear - (_blocks.Count - 1 - i);
            Report.Warnings.Add(new(table.Grid.Name, table.Map.LastHeaderRow,
                $"年度の見出しがないため、{_blocks.Count}つの年度の列を左から古い順に {Wareki.FiscalYear(_blocks[0].Year)}〜{Wareki.FiscalYear(latestYear)} として読みました。年度が違う場合は列の上に年度の見出しを付けてから取り込んでください。"));
        }
        _blocks = _blocks.OrderBy(b => b.Year).ToList();
        _indicatorColumns = IndicatorColumns(table.Map);
        if (_blocks.All(b => b.Hours is null))
            Report.Notes.Add("延べ業務時間の列がないため、人工は 0 として読みました（従事人数は人工として読みません）。");
        else
            Report.Notes.Add($"人工は延べ業務時間 ÷ {Settings.HoursPerPersonYear:N0}時間（1人工の年間時間）で計算しました。従事人数（人数）は人工として読みません。");

        var basic = await Db.BasicPlans.Where(b => b.ComprehensivePlan!.IsCurrent).OrderByDescending(b => b.StartYear).FirstOrDefaultAsync(ct);
        if (basic is null) return "現行の総合計画（計画期間）がありません。先に総合計画を登録してください。";
        _basic = basic;
        _policies = await Db.Policies.Where(p => p.BasicPlanId == basic.Id).ToDictionaryAsync(p => p.Code, ct);
        _measures = await Db.Measures.Where(m => m.Policy!.BasicPlanId == basic.Id).ToDictionaryAsync(m => m.Code, ct);
        _basics = await Db.BasicProjects.Where(b => b.Measure!.Policy!.BasicPlanId == basic.Id).ToDictionaryAsync(b => b.Code, ct);
        _projects = (await Db.Projects.ToListAsync(ct)).GroupBy(p => TextNormal.ForCode(p.Code)).ToDictionary(g => g.Key, g => g.First());
        var projectIds = _projects.Values.Select(p => p.Id).ToList();
        _budgets = await Db.BudgetLines.Where(b => projectIds.Contains(b.ProjectId)).ToDictionaryAsync(b => (b.ProjectId, b.FiscalYear), ct);
        _indicators = await Db.Indicators.Include(i => i.Values).Where(i => i.ProjectId != null && projectIds.Contains(i.ProjectId.Value)).ToListAsync(ct);
        _evaluations = await Db.ProjectEvaluations.Where(e => e.FiscalYear == latestYear && projectIds.Contains(e.ProjectId)).ToDictionaryAsync(e => e.ProjectId, ct);
        _units = await UnitBook.LoadAsync(Db, Request.Choices, ct);
        _publishedActuals = await IndicatorValueRules.PublishedActualYearsAsync(Db, ct);
        if (Request.Apply)
        {
            // Units the user asked to register are created first, inside the import's transaction, so rows point at them.
            var unitColumn = table.Map.Column(Unit.Key)!.Value;
            _units.RegisterChosen(table.Grid.Rows.Where(r => r.Number > table.Map.LastHeaderRow)
                .Select(r => table.Grid.DataText(r, unitColumn)).OfType<string>().Where(n => n.Trim().Length > 0), _blocks[0].Year, Db);
            await Db.SaveChangesAsync(ct);
        }
        return null;
    }

    protected override void Read(ImportRow row)
    {
        var code = row.Text(Code.Key)!;
        var errors = new List<string>();
        if (!_seenCodes.TryAdd(TextNormal.ForCode(code), row.Number)) errors.Add($"{row.Cell(Code.Key)}: 事務事業ID「{code}」の行が{_seenCodes[TextNormal.ForCode(code)]}行目にもあります。");
        var policyNo = Number(row, PolicyTens, PolicyOnes, PolicyNo, "政策番号", errors);
        var measureNo = Number(row, MeasureTens, MeasureOnes, MeasureNo, "施策番号", errors);
        if (row.Text(InPlan.Key) is not null) _inPlanMarks++;
        var costs = ReadCosts(row, errors);
        var indicatorValues = ReadIndicatorValues(row);
        var ratings = ReadRatings(row, errors);
        var unitName = row.Text(Unit.Key);
        OrgUnit? unit = null;
        if (unitName is null) errors.Add($"{row.Cell(Unit.Key)}: 部課名が空欄です。");
        else if ((unit = _units.Find(unitName, _blocks[0].Year, Request.Scope)) is null) errors.Add(_units.Unmapped(unitName, row.Cell(Unit.Key), Request.Scope));
        else if (UnitNames.NotValidIn(unit, Request.Scope, unitName, row.Cell(Unit.Key)) is string invalid) errors.Add(invalid);
        if (row.Shown(Name.Key) is null) errors.Add($"{row.Cell(Name.Key)}: 事務事業名が空欄です。");
        if (_projects.GetValueOrDefault(TextNormal.ForCode(code)) is { } known) errors.AddRange(PublishedActualChanges(row, known, indicatorValues));
        if (errors.Count > 0)
        {
            Refuse(row, code, errors);
            return;
        }

        var name = row.Shown(Name.Key)!;
        var (project, isNew) = EnsureProject(row, code, name, policyNo!.Value, measureNo!.Value, unit!);
        var changes = new List<FieldChange>();
        if (isNew)
        {
            changes.Add(new("事務事業", null, $"{code} {name}"));
            if (project.Description is string summary) changes.Add(new(Summary.Header, null, summary));
        }
        else if (row.Has(Summary.Key))
        {
            if (row.Shown(Summary.Key) is not string summary)
            {
                if (project.Description is string kept) KeptBlank(row, row.Cell(Summary.Key), Summary.Header, kept, KeptText);
            }
            // Like the name, the registered project's own description stays; a history sheet only says it differs.
            else if (TextNormal.ForMatch(summary) != TextNormal.ForMatch(project.Description ?? ""))
                Warn(row, $"{row.Cell(Summary.Key)}（{Summary.Header}）が登録済みの概要と異なります（登録済みの概要のままにします。事務事業の画面で直せます）。");
        }
        ApplyCosts(row, project, costs, changes);
        ApplyIndicators(row, project, indicatorValues, changes);
        ApplyEvaluation(row, project, costs, ratings, changes);
        if (changes.Count == 0) Report.Unchanged++;
        else if (isNew) Report.Created.Add(new(row.Sheet, row.Number, code, name, changes));
        else Report.Updated.Add(new(row.Sheet, row.Number, code, name, changes));
    }

    private sealed record YearCost(Block Block, long Cost, long? Staff, decimal? Hours, long?[] Sources);

    private sealed record Ratings(Direction? Direction, Rating? Necessity, Rating? Effectiveness, Rating? CostCut, Rating? StaffCut, Rating? Equity);

    /// Each year block's costs as the sheet states them; sums that disagree are warned about, not corrected.
    private List<YearCost> ReadCosts(ImportRow row, List<string> errors)
    {
        var costs = new List<YearCost>();
        // The old system's sheet computes its figures by formulas (a share of a cost: 1355.3925 千円): refusing them
        // would keep a city's history out, so they are kept at the yen (hours at 4 places) and every such cell is named.
        var rounded = new List<string>();
        foreach (var b in _blocks)
        {
            var year = Wareki.FiscalYearShort(b.Year);
            var sources = SourceLabels.Select((label, i) => row.Amount(b.Sources[i], $"{year}の{label}", errors, rounded)).ToArray();
            var cost = row.Amount(b.Cost, $"{year}の事業費計", errors, rounded);
            var staff = b.Staff is int sc ? row.Amount(sc, $"{year}の人件費計", errors, rounded) : null;
            var total = b.Total is int tc ? row.Amount(tc, $"{year}のトータルコスト", errors, rounded) : null;
            var hours = b.Hours is int hc ? row.NumberAt(hc, $"{year}の延べ業務時間", NumberText.FormDecimals, errors, rounded: rounded) : null;
            if (cost is long k && sources.All(s => s is not null) && sources.Sum(s => s!.Value) != k)
                Warn(row, $"{year}: 事業費計 {Amounts.Thousands(k)} が財源の合計 {Amounts.Thousands(sources.Sum(s => s!.Value))} と一致しません（{row.Cell(b.Cost)}）。");
            if (cost is long k2 && staff is long st && total is long t && k2 + st != t)
                Warn(row, $"{year}: トータルコスト {Amounts.Thousands(t)} が事業費計＋人件費計 {Amounts.Thousands(k2 + st)} と一致しません（{row.Cell(b.Total!.Value)}）。");
            if (cost is not null || staff is not null) costs.Add(new YearCost(b, cost ?? 0, staff, hours, sources));
        }
        if (rounded.Count > 0)
            Warn(row, $"計算式で求めた額・時間を1円（延べ業務時間は小数第{NumberText.FormDecimals}位）までに丸めて取り込みます: {string.Join("、", rounded)}。");
        return costs;
    }

    private Dictionary<(int Slot, int Year), decimal> ReadIndicatorValues(ImportRow row)
    {
        var indicatorValues = new Dictionary<(int Slot, int Year), decimal>();
        var rounded = new List<string>();
        foreach (var (slot, nameColumn, _) in _indicatorColumns)
        {
            if (row.Shown(nameColumn) is not string indicatorName) continue;
            foreach (var b in _blocks)
            {
                if (b.Indicators[slot] is not int vc) continue;
                // An actual written with a note (36（1）) is kept out rather than cut to a number, and said so; the rest
                // of the project's history still comes in.
                if (!NumberText.TryParseCell(row.Text(vc), out var actual))
                    Warn(row, $"指標「{indicatorName}」の{Wareki.FiscalYearShort(b.Year)}の実績「{row.Text(vc)}」は数値ではないため取り込みません（{row.Cell(vc)}、実績は空欄のままです）。");
                // The column keeps 4 places (as SQL Server stores it). The old system's sheet holds ratios computed by
                // formulas (73.187414500684): refusing them would keep a city's whole history out, so they are kept at 4
                // places — and the preview names every cell so rounded, never silently.
                else if (actual is decimal fine && fine != Math.Round(fine, NumberText.FormDecimals, MidpointRounding.AwayFromZero))
                {
                    var kept = Math.Round(fine, NumberText.FormDecimals, MidpointRounding.AwayFromZero);
                    indicatorValues[(slot, b.Year)] = kept;
                    rounded.Add($"{row.Cell(vc)}「{row.Text(vc)}」→{kept.ToString(CultureInfo.InvariantCulture)}");
                }
                else if (actual is decimal a) indicatorValues[(slot, b.Year)] = a;
            }
        }
        if (rounded.Count > 0)
            Warn(row, $"指標の実績を小数第{NumberText.FormDecimals}位までに丸めて取り込みます（実績は小数第{NumberText.FormDecimals}位まで記録します）: {string.Join("、", rounded)}。");
        return indicatorValues;
    }

    private Ratings ReadRatings(ImportRow row, List<string> errors)
    {
        var direction = ReadLabel<Direction>(row, Direction, LabelKind.Direction, errors);
        if (direction is null && row.Text(Direction.Key) is null) errors.Add($"{row.Cell(Direction.Key)}: 今後の方向性が空欄です。");
        return new Ratings(direction, ReadLabel<Rating>(row, Necessity, LabelKind.Rating, errors), ReadLabel<Rating>(row, Effectiveness, LabelKind.Rating, errors),
            ReadLabel<Rating>(row, CostCut, LabelKind.Rating, errors), ReadLabel<Rating>(row, StaffCut, LabelKind.Rating, errors), ReadLabel<Rating>(row, Equity, LabelKind.Rating, errors));
    }

    private (Project Project, bool IsNew) EnsureProject(ImportRow row, string code, string name, int policyNo, int measureNo, OrgUnit unit)
    {
        // The plan tree, by code; a second spelling of a name under the same code is reported, not made a new record.
        var pCode = policyNo.ToString(CultureInfo.InvariantCulture);
        var mCode = $"{pCode}-{measureNo}";
        var policy = Ensure(_policies, pCode, row.Shown(PolicyName.Key), () => new Policy { BasicPlanId = _basic.Id, Code = pCode, Name = row.Shown(PolicyName.Key) ?? pCode, SortOrder = policyNo }, "政策", row);
        var measure = Ensure(_measures, mCode, row.Shown(MeasureName.Key), () => new Measure { Policy = policy, Code = mCode, Name = row.Shown(MeasureName.Key) ?? mCode, SortOrder = measureNo }, "施策", row);
        BasicProject? basicProject = null;
        if (Digits(row.Text(BasicTens.Key), row.Text(BasicOnes.Key)) is int bNo && row.Shown(BasicName.Key) is string bName)
        {
            var bCode = $"{mCode}-{bNo:00}";
            basicProject = Ensure(_basics, bCode, bName, () => new BasicProject { Measure = measure, Code = bCode, Name = bName, SortOrder = bNo }, "基本事業", row);
        }
        var isNew = !_projects.TryGetValue(TextNormal.ForCode(code), out var project);
        if (project is null)
        {
            project = new Project
            {
                Code = code, Name = name, Measure = measure, BasicProject = basicProject, OwnerUnitId = unit.Id, StartYear = _blocks[0].Year,
                Description = row.Shown(Summary.Key),
            };
            Db.Projects.Add(project);
            _projects[TextNormal.ForCode(code)] = project;
        }
        else if (TextNormal.ForMatch(project.Name) != TextNormal.ForMatch(name))
        {
            Warn(row, $"事務事業ID「{code}」の名称「{name}」が登録済みの「{project.Name}」と異なります（登録済みの名称のままにします）。");
        }

        return (project, isNew);
    }

    /// Costs per year: settled for the past years, the adopted budget for the latest.
    private void ApplyCosts(ImportRow row, Project project, List<YearCost> costs, List<FieldChange> changes)
    {
        var latestYear = Request.Scope;
        foreach (var (block, cost, _, _, sources) in costs)
        {
            var year = block.Year;
            if (project.Id == 0 || !_budgets.TryGetValue((project.Id, year), out var line))
            {
                line = new BudgetLine { Project = project, FiscalYear = year };
                Db.BudgetLines.Add(line);
                _budgets[(project.Id == 0 ? -row.Number : project.Id, year)] = line;
            }
            if (year < latestYear ? line.Settled != cost : line.Initial != cost)
            {
                changes.Add(new($"{Wareki.FiscalYearShort(year)} {(year < latestYear ? "決算額" : "当初予算額")}", Amounts.Thousands(year < latestYear ? line.Settled : line.Initial), Amounts.Thousands(cost)));
                if (year < latestYear) line.Settled = cost; else line.Initial = cost;
            }
            var s = sources.Select(x => x ?? 0).ToArray();
            if (year < latestYear && (line.SettledNational, line.SettledPrefectural, line.SettledBonds, line.SettledOtherSpecific, line.SettledGeneral) != (s[0], s[1], s[2], s[3], s[4]))
            {
                changes.Add(new($"{Wareki.FiscalYearShort(year)} 財源内訳", null, string.Join("／", s.Select(x => Amounts.Thousands(x)))));
                (line.SettledNational, line.SettledPrefectural, line.SettledBonds, line.SettledOtherSpecific, line.SettledGeneral) = (s[0], s[1], s[2], s[3], s[4]);
            }
        }

    }

    /// A row that would change an actual of a year already published is refused: that is a correction, made with its reason.
    private IEnumerable<string> PublishedActualChanges(ImportRow row, Project project, Dictionary<(int Slot, int Year), decimal> indicatorValues)
    {
        foreach (var (slot, nameColumn, _) in _indicatorColumns)
        {
            if (row.Shown(nameColumn) is not string indicatorName) continue;
            var indicator = _indicators.FirstOrDefault(i => i.ProjectId == project.Id && project.Id != 0 && i.Name == indicatorName && i.SortOrder == slot + 1);
            if (indicator is null) continue;
            foreach (var b in _blocks)
            {
                if (!indicatorValues.TryGetValue((slot, b.Year), out var actual)) continue;
                var existing = indicator.Values.FirstOrDefault(v => v.FiscalYear == b.Year);
                // An import carries no correction's reason: the indicator's own rule refuses what only a correction may change.
                if (indicator.Try(b.Year, existing?.Target, actual, _publishedActuals.Contains(b.Year), correctionReason: null) == ValueEntry.NeedsReason)
                    yield return $"指標「{indicatorName}」の{Wareki.FiscalYear(b.Year)}（{NumberText.Format(existing?.Actual)} → {NumberText.Format(actual)}）{IndicatorValueRules.ImportRefusedMessage}";
            }
        }
    }

    /// Indicators by slot and name, with the actual of each year.
    private void ApplyIndicators(ImportRow row, Project project, Dictionary<(int Slot, int Year), decimal> indicatorValues, List<FieldChange> changes)
    {
        foreach (var (slot, nameColumn, unitColumn) in _indicatorColumns)
        {
            if (row.Shown(nameColumn) is not string indicatorName) continue;
            // The slot (ア…ス) tells indicators apart: a project may use the same name for an activity and a target indicator.
            var indicator = _indicators.FirstOrDefault(i => (i.Project == project || i.ProjectId == project.Id && project.Id != 0) && i.Name == indicatorName && i.SortOrder == slot + 1);
            if (indicator is null)
            {
                indicator = new Indicator
                {
                    Project = project, Name = indicatorName, Unit = row.Shown(unitColumn) ?? "", SortOrder = slot + 1,
                    Kind = slot >= 6 ? IndicatorKind.Outcome : IndicatorKind.Activity, Direction = IndicatorDirection.HigherIsBetter,
                };
                Db.Indicators.Add(indicator);
                _indicators.Add(indicator);
                changes.Add(new("指標", null, indicatorName));
            }
            foreach (var b in _blocks)
            {
                if (!indicatorValues.TryGetValue((slot, b.Year), out var actual)) continue;
                var existing = indicator.Values.FirstOrDefault(v => v.FiscalYear == b.Year);
                var before = existing?.Actual;
                if (indicator.Enter(b.Year, existing?.Target, actual, _publishedActuals.Contains(b.Year), correctionReason: null, Db.UtcNow) != ValueEntry.Set) continue;
                changes.Add(new($"{indicatorName} {Wareki.FiscalYearShort(b.Year)}", NumberText.Format(before), NumberText.Format(actual)));
            }
        }

    }

    /// The latest year's evaluation, published as the previous system had it; cost and 人工 of the last settled year.
    private void ApplyEvaluation(ImportRow row, Project project, List<YearCost> costs, Ratings ratings, List<FieldChange> changes)
    {
        var latestYear = Request.Scope;
        var (direction, necessity, effectiveness, costCut, staffCut, equity) = ratings;
        var settled = costs.Where(x => x.Block.Year < latestYear).OrderByDescending(x => x.Block.Year).FirstOrDefault();
        if (project.Id == 0 || !_evaluations.TryGetValue(project.Id, out var evaluation))
        {
            evaluation = new ProjectEvaluation { Project = project, FiscalYear = latestYear, State = EvaluationState.Published, FirstReviewedBy = "（前システムから取込）", PublishedAt = Db.UtcNow };
            Db.ProjectEvaluations.Add(evaluation);
            changes.Add(new("事務事業評価", null, $"{Wareki.FiscalYear(latestYear)} 方向性 {Labels.Meaning(LabelKind.Direction, (int)direction!.Value)}"));
        }
        evaluation.OwnerUnitId = project.OwnerUnitId;
        // Only what the sheet speaks about is written: a column the sheet lacks leaves the stored value as it is.
        if (settled is not null)
        {
            var personYears = settled.Hours is decimal h && Settings.HoursPerPersonYear > 0 ? h / Settings.HoursPerPersonYear : 0m;
            evaluation.SettledCost = settled.Cost;
            if (settled.Block.Hours is not null)
            {
                evaluation.StaffPersonYears = Math.Round(personYears, 2, MidpointRounding.AwayFromZero);
                evaluation.StaffCostPerPersonYear = personYears > 0 && settled.Staff is long sy ? (long)Math.Round(sy / personYears) : 0;
            }
            if (settled.Block.Staff is not null) evaluation.RecordedStaffCost = settled.Staff;
        }
        SetRating(row, Necessity, evaluation.Necessity, necessity, v => evaluation.Necessity = v, evaluation.NecessityReason, r => evaluation.NecessityReason = r, changes);
        SetRating(row, Effectiveness, evaluation.Effectiveness, effectiveness, v => evaluation.Effectiveness = v, evaluation.EffectivenessReason, r => evaluation.EffectivenessReason = r, changes);
        if (row.Has(CostCut.Key) || row.Has(StaffCut.Key))
        {
            var efficiency = costCut is null && staffCut is null ? (Rating?)null : (Rating)Math.Max((int)(costCut ?? Rating.A), (int)(staffCut ?? Rating.A));
            SetRating(row, CostCut, evaluation.Efficiency, efficiency, v => evaluation.Efficiency = v, evaluation.EfficiencyReason, r => evaluation.EfficiencyReason = r, changes, "効率性");
        }
        SetRating(row, Equity, evaluation.Equity, equity, v => evaluation.Equity = v, evaluation.EquityReason, r => evaluation.EquityReason = r, changes);
        if (evaluation.FirstDirection != direction)
        {
            if (evaluation.Id != 0)
                changes.Add(new("今後の方向性", evaluation.FirstDirection is Direction old ? Labels.Meaning(LabelKind.Direction, (int)old) : null, Labels.Meaning(LabelKind.Direction, (int)direction!.Value)));
            evaluation.FirstDirection = direction;
        }
        // The previous system's own wording of the direction is told in the preview (labels used), never written into a person's text.
        if (row.Has(Conclusion.Key) && row.Shown(Conclusion.Key) is string conclusion && conclusion != evaluation.Improvement)
        {
            changes.Add(new("今後の改革改善の内容", evaluation.Improvement, conclusion));
            evaluation.Improvement = conclusion;
        }
        else if (row.Has(Conclusion.Key) && row.Shown(Conclusion.Key) is null && evaluation.Improvement is string kept)
            KeptBlank(row, row.Cell(Conclusion.Key), Conclusion.Header, kept, KeptText);
    }

    /// A rating and the reason beside it, written only when the sheet has the rating's column; changes are listed.
    private void SetRating(ImportRow row, FieldSpec field, Rating? old, Rating? value, Action<Rating?> set, string? oldReason, Action<string?> setReason,
        List<FieldChange> changes, string? label = null)
    {
        if (!row.Has(field.Key)) return;
        if (old != value)
        {
            if (old is not null || value is not null) changes.Add(new(label ?? field.Header, old is Rating o ? Labels.Meaning(LabelKind.Rating, (int)o) : null, value is Rating v ? Labels.Meaning(LabelKind.Rating, (int)v) : null));
            set(value);
        }
        var reason = ReasonBeside(row, field);
        if (reason is null && oldReason is not null)
            KeptBlank(row, row.Cell(row.ColumnOf(field.Key)!.Value + 1), $"{label ?? field.Header}の理由", oldReason, KeptText);
        if (reason is not null && reason != oldReason)
        {
            changes.Add(new($"{label ?? field.Header}の理由", oldReason, reason));
            setReason(reason);
        }
    }

    protected override void Finish()
    {
        _units.Report(Report);
        if (_inPlanMarks > 0)
            Report.Notes.Add($"「実施計画」の列の印（{_inPlanMarks:N0} 行）は読みません。実施計画の版は「実施計画」の取り込みで作ります。");
    }

    protected override async Task WriteAsync(CancellationToken ct)
    {
        _units.Remember(Db);
        await Db.SaveChangesAsync(ct);
    }

    private T? ReadLabel<T>(ImportRow row, FieldSpec field, LabelKind kind, List<string> errors) where T : struct, Enum
    {
        if (row.Text(field.Key) is not string text) return null;
        if (Labels.TryRead<T>(kind, text, out var value)) return value;
        errors.Add((kind == LabelKind.Direction ? "" : $"{field.Header}: ") + LabelBook.Unmapped(kind, text) + $"（{row.Cell(field.Key)}）");
        return null;
    }

    /// The reason the previous system wrote beside a rating, in the column after it.
    private static string? ReasonBeside(ImportRow row, FieldSpec rating) =>
        row.Has(rating.Key) ? row.Shown(row.ColumnOf(rating.Key)!.Value + 1) : null;

    /// A number split into tens and ones columns, or written whole; the value is quoted when it cannot be read.
    private static int? Number(ImportRow row, FieldSpec tens, FieldSpec ones, FieldSpec whole, string label, List<string> errors)
    {
        if (row.Has(tens.Key) || row.Has(ones.Key))
        {
            var (t, o) = (row.Text(tens.Key), row.Text(ones.Key));
            if (Digits(t, o) is int n) return n;
            errors.Add($"{label}（十の位「{t}」・一の位「{o}」）を読み取れません（{row.Cell(tens.Key)}・{row.Cell(ones.Key)}）。");
            return null;
        }
        var text = row.Text(whole.Key);
        if (int.TryParse(TextNormal.ForMatch(text), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return number;
        errors.Add($"{label}「{text}」を読み取れません（{row.Cell(whole.Key)}）。");
        return null;
    }

    private static int? Digits(string? tens, string? ones) =>
        int.TryParse(TextNormal.ForMatch(tens ?? "0"), NumberStyles.None, CultureInfo.InvariantCulture, out var t)
        && int.TryParse(TextNormal.ForMatch(ones), NumberStyles.None, CultureInfo.InvariantCulture, out var o) && t is >= 0 and <= 9 && o is >= 0 and <= 9
            ? t * 10 + o : null;

    private T Ensure<T>(Dictionary<string, T> known, string code, string? name, Func<T> create, string level, ImportRow row) where T : PlanElement
    {
        if (known.TryGetValue(code, out var found))
        {
            if (name is not null && TextNormal.ForMatch(found.Name) != TextNormal.ForMatch(name) && _seenNames.Add($"{level}:{code}:{name}"))
                Warn(row, $"{level}「{code}」の名称が「{found.Name}」と「{name}」の2通りあります（最初の名称を使います）。");
            return found;
        }
        var created = create();
        known[code] = created;
        return created;
    }
}
