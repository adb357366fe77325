using System.Globalization;
using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Budgeting;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Importing;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.Core.Evaluation;

/// Brings years of evaluations in from a city's previous evaluation system, one row per project (the layout of
/// ../shared/fixtures/real: split code digits, six unlabelled year blocks placed by position, full-width labels,
/// dashes for "no value"). Creates or matches the plan tree by code (政策 → 施策 → 基本事業 → 事務事業) in the
/// current plan, the owner units, each year's costs, the indicators with their yearly values, and the latest
/// year's evaluation. Same contract as every import: preview, refusals by row, all or nothing.
public sealed class LegacyEvaluationImport(AppDbContext db, ExcelLimits limits) : ISheetImport
{
    private const int BlockWidth = 19;
    private static readonly string[] IndicatorLetters = ["ア", "イ", "ウ", "カ", "キ", "ク", "サ", "シ", "ス"];

    private sealed record Block(int Year, int Start);

    /// `latestYear` is the fiscal year of the last year block (and of the evaluation).
    public async Task<ImportReport> RunAsync(Stream file, string fileName, int latestYear, bool apply, string? expectedFingerprint = null, CancellationToken ct = default)
    {
        SheetGrid grid;
        try
        {
            using var package = XlsxPackage.Open(file, limits);
            grid = package.ReadSheet();
        }
        catch (ExcelFileException e)
        {
            return ImportReport.Failed(fileName, e.Message);
        }
        var headerRow = grid.Rows.Take(10).FirstOrDefault(r => r.Cells.Any(c => HeaderMap.Key(c.Text) == "事務事業ID"));
        if (headerRow is null)
            return ImportReport.Failed(fileName, "見出し「事務事業ID」が1〜10行目に見つかりません。事務事業評価の一覧（1事業1行）のシートを選んでください。");
        var columns = headerRow.Cells.Select(c => (c.Col, Key: HeaderMap.Key(c.Text))).ToList();
        int? Col(Func<string, bool> match) => columns.Where(c => match(c.Key)).Select(c => (int?)c.Col).FirstOrDefault();
        var blockStarts = columns.Where(c => c.Key.StartsWith("国庫支出金", StringComparison.Ordinal)).Select(c => c.Col)
            .Where(c => columns.Any(x => x.Col == c + 5 && x.Key.StartsWith("事業費計", StringComparison.Ordinal))).ToList();
        var report = new ImportReport { FileName = fileName };
        if (blockStarts.Count == 0) return ImportReport.Failed(fileName, "年度ごとの費用の列（国庫支出金 … トータルコスト）が見つかりません。");
        var blocks = blockStarts.Select((start, i) => new Block(latestYear - (blockStarts.Count - 1 - i), start)).ToList();
        report.Notes.Add($"年度の見出しがないため、{blocks.Count}つの年度の列を古い順に {Wareki.FiscalYear(blocks[0].Year)}〜{Wareki.FiscalYear(latestYear)} として読みました。金額は千円として読みました。");

        var c = new
        {
            Code = Col(k => k == "事務事業ID"), Name = Col(k => k == "事務事業名"), Unit = Col(k => k == "部課名"), Summary = Col(k => k.StartsWith("事務事業の概要", StringComparison.Ordinal)),
            P10 = Col(k => k == "政策番号十の位"), P1 = Col(k => k == "政策番号一の位"), PName = Col(k => k == "政策名"),
            M10 = Col(k => k == "施策番号十の位"), M1 = Col(k => k == "施策番号一の位"), MName = Col(k => k == "施策名"),
            B10 = Col(k => k == "基本事業番号十の位"), B1 = Col(k => k == "基本事業番号一の位"), BName = Col(k => k == "基本事業名"),
            Public = Col(k => k.Contains("公共関与の妥当性")), Result = Col(k => k.Contains("成果の向上余地")), CostCut = Col(k => k.Contains("事業費の削減余地")),
            StaffCut = Col(k => k.Contains("人件費") && k.Contains("削減余地")), Fair = Col(k => k.Contains("受益機会")),
            Direction = Col(k => k.Contains("課長等意見")), Summary2 = Col(k => k.Contains("全体総括")), Reform = Col(k => k.StartsWith("改革改善の方向性", StringComparison.Ordinal)),
        };
        if (c.Code is null || c.Name is null || c.P10 is null || c.M10 is null || c.Direction is null)
            return ImportReport.Failed(fileName, "必要な見出し（事務事業ID、事務事業名、政策番号、施策番号、課長等意見の今後の方向性）が見つかりません。");
        var indicatorNames = IndicatorLetters.Select(l => (Letter: l,
            Name: Col(k => k.EndsWith($"{l}:名称", StringComparison.Ordinal)), Unit: Col(k => k.EndsWith($"{l}:単位", StringComparison.Ordinal)))).ToList();

        var basic = await db.BasicPlans.Where(b => b.ComprehensivePlan!.IsCurrent).OrderByDescending(b => b.StartYear).FirstOrDefaultAsync(ct);
        if (basic is null) return ImportReport.Failed(fileName, "現行の総合計画（計画期間）がありません。先に総合計画を登録してください。");
        var policies = await db.Policies.Where(p => p.BasicPlanId == basic.Id).ToDictionaryAsync(p => p.Code, ct);
        var measures = await db.Measures.Where(m => m.Policy!.BasicPlanId == basic.Id).ToDictionaryAsync(m => m.Code, ct);
        var basics = await db.BasicProjects.Where(b => b.Measure!.Policy!.BasicPlanId == basic.Id).ToDictionaryAsync(b => b.Code, ct);
        var projects = (await db.Projects.Include(p => p.Measure).ToListAsync(ct)).GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.First());
        var units = await db.OrgUnits.ToListAsync(ct);
        var projectIds = projects.Values.Select(p => p.Id).ToList();
        var budgets = await db.BudgetLines.Where(b => projectIds.Contains(b.ProjectId)).ToDictionaryAsync(b => (b.ProjectId, b.FiscalYear), ct);
        var indicators = await db.Indicators.Include(i => i.Values).Where(i => i.ProjectId != null && projectIds.Contains(i.ProjectId.Value)).ToListAsync(ct);
        var evaluations = await db.ProjectEvaluations.Where(e => e.FiscalYear == latestYear && projectIds.Contains(e.ProjectId)).ToDictionaryAsync(e => e.ProjectId, ct);
        var seenNames = new Dictionary<string, string>();
        var seenCodes = new Dictionary<string, int>();
        // Units the city has not registered yet are created first so projects can point at them; when nothing is
        // to be written, the transaction is rolled back with them.
        await using var transaction = apply ? await db.Database.BeginTransactionAsync(ct) : null;

        foreach (var sheetRow in grid.Rows.Where(r => r.Number > headerRow.Number))
        {
            var row = new Row(sheetRow);
            var code = row.Text(c.Code);
            if (code is null)
            {
                report.Skipped.Add(new(grid.Name, row.Number, "事務事業IDのない行のため読み飛ばしました。"));
                continue;
            }
            var errors = new List<string>();
            if (!seenCodes.TryAdd(code, row.Number)) errors.Add($"事務事業ID「{code}」の行が{seenCodes[code]}行目にもあります。");
            var policyNo = Number(row.Text(c.P10), row.Text(c.P1));
            var measureNo = Number(row.Text(c.M10), row.Text(c.M1));
            if (policyNo is null || measureNo is null) errors.Add("政策番号・施策番号を読み取れません。");
            var costs = new List<(int Year, long Cost, long Staff, decimal People, long?[] Sources)>();
            foreach (var b in blocks)
            {
                long? Amount(int offset, string label)
                {
                    var text = row.Text(b.Start + offset);
                    if (Amounts.TryParse(text, 1000, out var yen)) return yen;
                    errors.Add($"{Wareki.FiscalYearShort(b.Year)}の{label}「{text}」を数値として読み取れません（{CellRange.ColumnName(b.Start + offset)}{row.Number}）。");
                    return null;
                }
                var sources = new[] { Amount(0, "国庫支出金"), Amount(1, "都道府県支出金"), Amount(2, "地方債"), Amount(3, "その他"), Amount(4, "一般財源") };
                var cost = Amount(5, "事業費計");
                var staff = Amount(8, "人件費計");
                var total = Amount(9, "トータルコスト");
                if (cost is long k && sources.All(s => s is not null) && sources.Sum(s => s!.Value) != k)
                    report.Warnings.Add(new(grid.Name, row.Number, $"{Wareki.FiscalYearShort(b.Year)}: 事業費計 {Amounts.Thousands(k)} が財源の合計 {Amounts.Thousands(sources.Sum(s => s!.Value))} と一致しません（{CellRange.ColumnName(b.Start + 5)}{row.Number}）。"));
                if (cost is long k2 && staff is long st && total is long t && k2 + st != t)
                    report.Warnings.Add(new(grid.Name, row.Number, $"{Wareki.FiscalYearShort(b.Year)}: トータルコスト {Amounts.Thousands(t)} が事業費計＋人件費計 {Amounts.Thousands(k2 + st)} と一致しません（{CellRange.ColumnName(b.Start + 9)}{row.Number}）。"));
                NumberText.TryParse(row.Text(b.Start + 6), out var people);
                if (cost is not null || staff is not null) costs.Add((b.Year, cost ?? 0, staff ?? 0, people ?? 0, sources));
            }
            var direction = DirectionOf(row.Text(c.Direction));
            if (direction is null) errors.Add($"今後の方向性「{row.Text(c.Direction)}」を読み取れません。");
            if (errors.Count > 0)
            {
                report.Refused.Add(new(grid.Name, row.Number, $"{code}: {string.Join(" ", errors)}"));
                continue;
            }

            // The plan tree, by code; a second spelling of a name under the same code is reported, not made a new record.
            var pCode = policyNo!.Value.ToString(CultureInfo.InvariantCulture);
            var mCode = $"{pCode}-{measureNo}";
            var policy = Ensure(policies, pCode, row.Text(c.PName), () => new Policy { BasicPlanId = basic.Id, Code = pCode, Name = row.Text(c.PName) ?? pCode, SortOrder = policyNo.Value }, "政策", row);
            var measure = Ensure(measures, mCode, row.Text(c.MName), () => new Measure { Policy = policy, Code = mCode, Name = row.Text(c.MName) ?? mCode, SortOrder = measureNo!.Value }, "施策", row);
            BasicProject? basicProject = null;
            if (Number(row.Text(c.B10), row.Text(c.B1)) is int bNo && row.Text(c.BName) is string bName)
            {
                var bCode = $"{mCode}-{bNo:00}";
                basicProject = Ensure(basics, bCode, bName, () => new BasicProject { Measure = measure, Code = bCode, Name = bName, SortOrder = bNo }, "基本事業", row);
            }
            var unit = UnitOf(row.Text(c.Unit), units, report);
            if (unit.Id == 0 && apply) await db.SaveChangesAsync(ct);
            var name = row.Text(c.Name) ?? code;
            var isNew = !projects.TryGetValue(code, out var project);
            if (project is null)
            {
                project = new Project
                {
                    Code = code, Name = name, Measure = measure, BasicProject = basicProject, OwnerUnitId = unit.Id, StartYear = blocks[0].Year,
                    Description = row.Text(c.Summary),
                };
                db.Projects.Add(project);
                projects[code] = project;
            }
            else if (TextNormal.ForMatch(project.Name) != TextNormal.ForMatch(name))
            {
                report.Warnings.Add(new(grid.Name, row.Number, $"事務事業ID「{code}」の名称「{name}」が登録済みの「{project.Name}」と異なります（登録済みの名称のままにします）。"));
            }
            var changes = new List<FieldChange>();
            if (isNew) changes.Add(new("事務事業", null, $"{code} {name}"));

            // Costs per year: settled for the past years, the adopted budget for the latest.
            foreach (var (year, cost, staff, people, sources) in costs)
            {
                if (!budgets.TryGetValue((project.Id, year), out var line) || project.Id == 0)
                {
                    line = new BudgetLine { Project = project, FiscalYear = year };
                    db.BudgetLines.Add(line);
                    budgets[(project.Id == 0 ? -row.Number : project.Id, year)] = line;
                }
                if (year < latestYear ? line.Settled != cost : line.Initial != cost)
                {
                    changes.Add(new($"{Wareki.FiscalYearShort(year)} {(year < latestYear ? "決算額" : "当初予算額")}", Amounts.Thousands(year < latestYear ? line.Settled : line.Initial), Amounts.Thousands(cost)));
                    if (year < latestYear) line.Settled = cost; else line.Initial = cost;
                }
                if (year < latestYear && (line.SettledNational, line.SettledPrefectural, line.SettledBonds, line.SettledOtherSpecific, line.SettledGeneral) != (sources[0], sources[1], sources[2], sources[3], sources[4]))
                {
                    changes.Add(new($"{Wareki.FiscalYearShort(year)} 財源内訳", null, string.Join("／", sources.Select(x => Amounts.Thousands(x)))));
                    (line.SettledNational, line.SettledPrefectural, line.SettledBonds, line.SettledOtherSpecific, line.SettledGeneral) = (sources[0], sources[1], sources[2], sources[3], sources[4]);
                }
            }

            // Indicators by name, with the actual of each year.
            for (var n = 0; n < indicatorNames.Count; n++)
            {
                var (letter, nameCol, unitCol) = indicatorNames[n];
                if (row.Text(nameCol) is not string indicatorName) continue;
                // The slot (ア…ス) tells indicators apart: a project may use the same name for an activity and a target indicator.
                var indicator = indicators.FirstOrDefault(i => (i.Project == project || i.ProjectId == project.Id && project.Id != 0) && i.Name == indicatorName && i.SortOrder == n + 1);
                if (indicator is null)
                {
                    indicator = new Indicator
                    {
                        Project = project, Name = indicatorName, Unit = row.Text(unitCol) ?? "", SortOrder = n + 1,
                        Kind = letter is "サ" or "シ" or "ス" ? IndicatorKind.Outcome : IndicatorKind.Activity, Direction = IndicatorDirection.HigherIsBetter,
                    };
                    db.Indicators.Add(indicator);
                    indicators.Add(indicator);
                    changes.Add(new("指標", null, indicatorName));
                }
                foreach (var b in blocks)
                {
                    if (!NumberText.TryParse(row.Text(b.Start + 10 + n), out var actual) || actual is null) continue;
                    var existing = indicator.Values.FirstOrDefault(v => v.FiscalYear == b.Year);
                    if (existing?.Actual == actual) continue;
                    indicator.SetValue(b.Year, existing?.Target, actual);
                    changes.Add(new($"{indicatorName} {Wareki.FiscalYearShort(b.Year)}", NumberText.Format(existing?.Actual), NumberText.Format(actual)));
                }
            }

            // The latest year's evaluation, published as the previous system had it.
            var settledYear = costs.Where(x => x.Year < latestYear).OrderByDescending(x => x.Year).FirstOrDefault();
            if (!evaluations.TryGetValue(project.Id, out var evaluation) || project.Id == 0)
            {
                evaluation = new ProjectEvaluation { Project = project, FiscalYear = latestYear, State = EvaluationState.Published, FirstReviewedBy = "（前システムから取込）", PublishedAt = DateTime.UtcNow };
                db.ProjectEvaluations.Add(evaluation);
                changes.Add(new("事務事業評価", null, $"{Wareki.FiscalYear(latestYear)} 方向性 {direction!.Value.Label()}"));
            }
            evaluation.OwnerUnitId = project.OwnerUnitId;
            evaluation.SettledCost = settledYear.Year == 0 ? null : settledYear.Cost;
            evaluation.StaffPersonYears = settledYear.People;
            evaluation.StaffCostPerPersonYear = settledYear.People > 0 ? (long)Math.Round(settledYear.Staff / settledYear.People) : 0;
            evaluation.RecordedStaffCost = settledYear.Year == 0 ? null : settledYear.Staff;
            (evaluation.Necessity, evaluation.NecessityReason) = (Grade(row.Text(c.Public), "妥当である"), row.Text(c.Public + 1));
            (evaluation.Effectiveness, evaluation.EffectivenessReason) = (Grade(row.Text(c.Result), "余地がない"), row.Text(c.Result + 1));
            (evaluation.Efficiency, evaluation.EfficiencyReason) = (Grade(row.Text(c.CostCut), "余地がない") == Rating.A && Grade(row.Text(c.StaffCut), "余地がない") == Rating.A ? Rating.A : Rating.B, row.Text(c.CostCut + 1));
            (evaluation.Equity, evaluation.EquityReason) = (Grade(row.Text(c.Fair), "公平・公正である"), row.Text(c.Fair + 1));
            var improvement = $"【前システムの区分: {row.Text(c.Direction)}】{row.Text(c.Summary2)}";
            if (evaluation.FirstDirection != direction || evaluation.Improvement != improvement)
            {
                if (evaluation.Id != 0) changes.Add(new("今後の方向性", evaluation.FirstDirection?.Label(), direction!.Value.Label()));
                (evaluation.FirstDirection, evaluation.Improvement) = (direction, improvement);
            }
            if (changes.Count == 0) report.Unchanged++;
            else if (isNew) report.Created.Add(new(grid.Name, row.Number, code, name, changes));
            else report.Updated.Add(new(grid.Name, row.Number, code, name, changes));
        }

        if (!report.ShouldWrite(apply, expectedFingerprint))
        {
            db.ChangeTracker.Clear();
            return report;
        }
        await db.SaveChangesAsync(ct);
        await transaction!.CommitAsync(ct);
        report.Applied = true;
        return report;

        T Ensure<T>(Dictionary<string, T> known, string code, string? name, Func<T> create, string level, Row row) where T : PlanElement
        {
            if (known.TryGetValue(code, out var found))
            {
                if (name is not null && TextNormal.ForMatch(found.Name) != TextNormal.ForMatch(name) && seenNames.TryAdd($"{level}:{code}:{name}", name))
                    report.Warnings.Add(new(grid.Name, row.Number, $"{level}「{code}」の名称が「{found.Name}」と「{name}」の2通りあります（最初の名称を使います）。"));
                return found;
            }
            var created = create();
            known[code] = created;
            return created;
        }
    }

    private static int? Number(string? tens, string? ones) =>
        int.TryParse(TextNormal.ForMatch(tens ?? "0"), out var t) && int.TryParse(TextNormal.ForMatch(ones), out var o) ? t * 10 + o : null;

    private static Rating Grade(string? answer, string best) => TextNormal.ForMatch(answer).Contains(TextNormal.ForMatch(best)) ? Rating.A : Rating.B;

    /// The previous system's label (１　現状維持, ２　改善 …) as our direction; the label itself is kept in the text.
    public static Direction? DirectionOf(string? label)
    {
        var s = TextNormal.ForMatch(label);
        if (s.Length == 0) return null;
        return s.Contains("拡充") || s.Contains("拡大") ? Direction.Expand
            : s.Contains("現状維持") || s.Contains("継続") ? Direction.Continue
            : s.Contains("統合") ? Direction.Merge
            : s.Contains("縮小") ? Direction.Reduce
            : s.Contains("休止") || s.Contains("廃止") ? Direction.SuspendOrAbolish
            : s.Contains("完了") || s.Contains("終了") ? Direction.Complete
            : s.Contains("改善") || s.Contains("見直") || s.Contains("改革") ? Direction.Improve
            : null;
    }

    /// 部課名 such as 市民生活部市民環境課: the division under its department, created when the city's
    /// organisation is not registered yet (reported in the preview).
    private OrgUnit UnitOf(string? text, List<OrgUnit> units, ImportReport report)
    {
        var s = TextNormal.ForMatch(text);
        var cut = s.IndexOf('部');
        var (deptName, divName) = cut > 0 && cut < s.Length - 1 ? (s[..(cut + 1)], s[(cut + 1)..]) : ("（部未設定）", s.Length == 0 ? "（担当課未設定）" : s);
        var division = units.FirstOrDefault(u => u.Level == OrgUnitLevel.Division && TextNormal.ForMatch(u.Name) == divName);
        if (division is not null) return division;
        var dept = units.FirstOrDefault(u => u.Level == OrgUnitLevel.Department && TextNormal.ForMatch(u.Name) == deptName);
        if (dept is null)
        {
            dept = new OrgUnit { Code = $"IMP{units.Count + 1:000}", Name = deptName, Level = OrgUnitLevel.Department, ValidFromYear = 2015 };
            units.Add(dept);
            db.OrgUnits.Add(dept);
            report.Notes.Add($"組織「{deptName}」がないため作成します。");
        }
        division = new OrgUnit { Code = $"IMP{units.Count + 1:000}", Name = divName, Level = OrgUnitLevel.Division, Parent = dept, ValidFromYear = 2015 };
        units.Add(division);
        db.OrgUnits.Add(division);
        report.Notes.Add($"組織「{deptName} {divName}」がないため作成します。");
        return division;
    }

    private readonly struct Row(SheetRow row)
    {
        public int Number => row.Number;

        public string? Text(int? column)
        {
            if (column is not int c) return null;
            var t = row.Get(c);
            return string.IsNullOrWhiteSpace(t) ? null : t.Replace("\r\n", "\n").Trim();
        }
    }
}
