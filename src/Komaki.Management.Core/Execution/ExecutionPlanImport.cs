using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Importing;
using Komaki.Management.Core.Organization;
using S = Komaki.Management.Core.Execution.ExecutionPlanSheet;

namespace Komaki.Management.Core.Execution;

/// Reads a 主要事業実行計画 sheet for one fiscal year: one row per major project. Same rules as every
/// import here: a preview of each change, refusals with row and reason, all or nothing.
public sealed class ExecutionPlanImport(ImportContext context) : SheetImport(context)
{
    public static readonly SheetKind Sheet = new(SheetKind.ExecutionPlan, "主要事業実行計画",
        context => new ExecutionPlanImport(context),
        async (db, year, output, units) =>
        {
            await ExecutionPlanExport.WriteAsync(db, year, output, units);
            return true;
        },
        year => $"主要事業実行計画_{Wareki.FiscalYearShort(year)}.xlsx",
        new SheetRoute("ExecutionPlans", "Index", "year"),
        // A 課 sends back its own 主要事業: the head the plan, the staff its progress.
        new SheetAccess(CityWide: true, [Roles.DepartmentHead, Roles.DepartmentStaff]))
    {
        RoundTrips = true,
        ExportAreas = [DataArea.Plan, DataArea.Do, DataArea.Indicators],
    };

    private ProjectCodes _projects = null!;
    private List<OrgUnit> _units = [];
    private Dictionary<int, string> _unitNames = [];
    private Dictionary<int, ExecutionPlan> _existing = [];
    private readonly Dictionary<int, int> _seen = [];
    private readonly List<ExecutionPlan> _toAdd = [];

    protected override SheetLayout Layout { get; } = new(S.SheetName, S.Fields, S.Code.Key, S.Code.Header)
    {
        IdentityKeys = [S.Name.Key],
        CodesAreProjects = true,
        SpreadKeys = ExecutionPlan.Months.Select(m => S.Month(m).Key).ToHashSet(),
    };

    protected override async Task<string?> PrepareAsync(SheetTable table, CancellationToken ct)
    {
        var fiscalYear = Request.Scope;
        // Month columns headed with their year (令和8年4月 … 令和9年3月) must be this fiscal year's months.
        foreach (var m in ExecutionPlan.Months)
        {
            if (table.Map.Column(S.Month(m).Key) is not int column) continue;
            foreach (var label in table.Map.Labels.GetValueOrDefault(column) ?? [])
            {
                if (HeaderMap.CalendarYearOfMonth(label) is int year && year != (m >= 4 ? fiscalYear : fiscalYear + 1))
                    return $"{CellRange.ColumnName(column)}列の見出し「{label}」は{Wareki.FiscalYear(fiscalYear)}の{m}月ではありません。取り込む年度を選び直すか、月の見出しを確かめてください。";
            }
        }
        _projects = await ProjectCodes.LoadAsync(Db, ct);
        var all = await Db.OrgUnits.AsNoTracking().ToListAsync(ct);
        _units = all;
        _unitNames = all.ToDictionary(u => u.Id, u => u.Name);
        _existing = await Db.ExecutionPlans.Include(e => e.Schedule).Where(e => e.FiscalYear == fiscalYear).ToDictionaryAsync(e => e.ProjectId, ct);
        return null;
    }

    protected override void Read(ImportRow row)
    {
        var fiscalYear = Request.Scope;
        var code = row.Text(S.Code.Key)!;
        var (project, error) = _projects.Find(code);
        var errors = new List<string>();
        if (project is null) errors.Add($"{row.Cell(S.Code.Key)}: {error}");
        else if (!project.IsMajor) errors.Add($"{row.Cell(S.Code.Key)}: 「{project.Name}」は主要事業に指定されていません（事務事業の画面で指定できます）。");
        var yearText = row.Text(S.Year.Key);
        if (yearText is not null && (!ImportDates.TryFiscalYear(yearText, out var y) || y != fiscalYear))
            errors.Add($"{row.Cell(S.Year.Key)}: 年度「{yearText}」が取り込み先の{Wareki.FiscalYear(fiscalYear)}と異なります。");
        if (project is not null && !_seen.TryAdd(project.Id, row.Number))
            errors.Add($"{row.Cell(S.Code.Key)}: 同じ事業の行が{_seen[project.Id]}行目にもあります。");

        var goal = row.Shown(S.Goal.Key);
        var filled = new[] { S.Goal, S.Content, S.MidYearProgress, S.YearEndProgress }.Any(f => row.Shown(f.Key) is not null)
            || ExecutionPlan.Months.Any(m => row.Shown(S.Month(m).Key) is not null);
        if (!filled && errors.Count == 0 && (project is null || !_existing.ContainsKey(project.Id)))
        {
            Report.Skipped.Add(new(row.Sheet, row.Number, "目標・内容・スケジュールが空欄のため未記入として読み飛ばしました。"));
            return;
        }
        if (goal is null) errors.Add($"{row.Cell(S.Goal.Key)}: 今年度の目標が空欄です。");

        int? ownerUnitId = null;
        if (row.Text(S.Unit.Key) is string unitText)
        {
            var cell = row.Cell(S.Unit.Key);
            if (UnitNames.Pick(UnitNames.Matches(unitText, _units), fiscalYear) is not OrgUnit unit)
                errors.Add($"{cell}の担当課「{unitText}」が{Wareki.FiscalYear(fiscalYear)}の組織にありません。{UnitNames.Nearest(unitText, _units, fiscalYear)}");
            else if (UnitNames.NotValidIn(unit, fiscalYear, unitText, cell) is string invalid) errors.Add(invalid);
            else ownerUnitId = unit.Id;
        }
        ProgressStatus? Status(FieldSpec f)
        {
            if (row.Text(f.Key) is not string text) return null;
            if (Labels.TryRead<ProgressStatus>(LabelKind.ProgressStatus, text, out var s)) return s;
            errors.Add($"{row.Cell(f.Key)}（{f.Header}）: " + LabelBook.Unmapped(LabelKind.ProgressStatus, text));
            return null;
        }
        var midStatus = Status(S.MidYearStatus);
        var endStatus = Status(S.YearEndStatus);
        foreach (var (status, field) in new[] { (midStatus, S.MidYearProgress), (endStatus, S.YearEndProgress) })
        {
            if (ExecutionPlan.NeedsReason(status) && row.Text(field.Key) is null)
                errors.Add($"{row.Cell(field.Key)}: 進捗が「{status!.Value.Label()}」ですが、{field.Header}が空欄です。遅れ・中止の理由と今後の見通しを書いてください。");
        }
        foreach (var m in ExecutionPlan.Months)
        {
            if (row.Shown(S.Month(m).Key) is { Length: > 200 }) errors.Add($"{row.Cell(S.Month(m).Key)}: {m}月の予定が200文字を超えています。");
        }
        if (errors.Count > 0)
        {
            Refuse(row, code, errors);
            return;
        }

        var isNew = !_existing.TryGetValue(project!.Id, out var plan);
        plan ??= new ExecutionPlan { FiscalYear = fiscalYear, ProjectId = project.Id, OwnerUnitId = project.OwnerUnitId };
        var owner = plan.OwnerUnitId;
        var changes = new List<FieldChange>();
        // The plan's fields are the Edit form's, the progress the Progress form's: each changed cell is asked of that form's rule.
        var planCells = new List<string>();
        var progressCells = new List<string>();
        void Set(FieldSpec field, string? old, string? value, Action apply)
        {
            if (!isNew && (old ?? "") == (value ?? "")) return;
            if (isNew && value is null) return;
            changes.Add(new(field.Header, isNew ? null : old, value));
            (S.Progress.Contains(field) ? progressCells : planCells).Add(row.Cell(field.Key));
            apply();
        }
        if (!isNew && ownerUnitId is null && row.Has(S.Unit.Key))
            Report.Warnings.Add(new(row.Sheet, row.Number, $"{project.Code}: {row.Cell(S.Unit.Key)}（担当課）が空欄のため、登録済みの「{_unitNames.GetValueOrDefault(plan.OwnerUnitId)}」のまま残します（担当課は空にできません）。"));
        if (ownerUnitId is int ou)
            Set(S.Unit, _unitNames.GetValueOrDefault(plan.OwnerUnitId), _unitNames.GetValueOrDefault(ou), () => plan.OwnerUnitId = ou);
        Set(S.Goal, plan.Goal, goal, () => plan.Goal = goal!);
        if (row.Has(S.Content.Key)) Set(S.Content, plan.Content, row.Shown(S.Content.Key), () => plan.Content = row.Shown(S.Content.Key) ?? "");
        foreach (var m in ExecutionPlan.Months)
        {
            if (!row.Has(S.Month(m).Key)) continue;
            var work = row.Shown(S.Month(m).Key);
            Set(S.Month(m), plan.WorkIn(m), work, () => plan.SetWork(m, work));
        }
        if (row.Has(S.MidYearStatus.Key)) Set(S.MidYearStatus, plan.MidYearStatus?.Label(), midStatus?.Label(), () => plan.MidYearStatus = midStatus);
        if (row.Has(S.MidYearProgress.Key)) Set(S.MidYearProgress, plan.MidYearProgress, row.Shown(S.MidYearProgress.Key), () => plan.MidYearProgress = row.Shown(S.MidYearProgress.Key));
        if (row.Has(S.YearEndStatus.Key)) Set(S.YearEndStatus, plan.YearEndStatus?.Label(), endStatus?.Label(), () => plan.YearEndStatus = endStatus);
        if (row.Has(S.YearEndProgress.Key)) Set(S.YearEndProgress, plan.YearEndProgress, row.Shown(S.YearEndProgress.Key), () => plan.YearEndProgress = row.Shown(S.YearEndProgress.Key));

        var projectId = project.Id;
        ExecutionPlan AsStored(int unit) => new() { FiscalYear = fiscalYear, ProjectId = projectId, OwnerUnitId = unit };
        // Whose plan it is (and whose it would become) matters only to a row that writes: the pipeline asks it of those.
        AskOwnUnits(row.Sheet, row.Number, planCells.Concat(progressCells).DefaultIfEmpty(row.Cell(S.Code.Key)), project.Code, project.Name, owner);
        if (plan.OwnerUnitId != owner) AskOwnUnits(row.Sheet, row.Number, [row.Cell(S.Unit.Key)], project.Code, project.Name, plan.OwnerUnitId);
        if (planCells.Count > 0)
        {
            Ask(row.Sheet, row.Number, planCells, AsStored(owner), RecordOperation.Edit);
            // Handing the plan to another unit: the form asks again as the receiving unit's plan.
            if (plan.OwnerUnitId != owner) Ask(row.Sheet, row.Number, [row.Cell(S.Unit.Key)], AsStored(plan.OwnerUnitId), RecordOperation.Edit);
        }
        if (progressCells.Count > 0) Ask(row.Sheet, row.Number, progressCells, AsStored(owner), ExecutionPlanRule.ReportProgress);

        if (isNew)
        {
            _toAdd.Add(plan);
            Report.Created.Add(new(row.Sheet, row.Number, project.Code, project.Name, changes));
        }
        else if (changes.Count > 0) Report.Updated.Add(new(row.Sheet, row.Number, project.Code, project.Name, changes));
        else Report.Unchanged++;
    }

    /// The year's execution plans of the importer's units the sheet has no row for: an import never deletes a plan, so
    /// they stay as they are, and the preview names them.
    protected override void Finish()
    {
        foreach (var plan in _existing.Values.Where(p => !_seen.ContainsKey(p.ProjectId) && (Request.OwnUnits is not { } own || own.Contains(p.OwnerUnitId)))
            .Select(p => _projects.ById(p.ProjectId)).OrderBy(p => p.Code, StringComparer.Ordinal))
            Report.LeftOut.Add(new(plan.Code, plan.Name));
    }

    protected override async Task WriteAsync(CancellationToken ct)
    {
        Db.ExecutionPlans.AddRange(_toAdd);
        await Db.SaveChangesAsync(ct);
    }
}
