using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Importing;
using Microsoft.EntityFrameworkCore;
using S = Komaki.Management.Core.Execution.ExecutionPlanSheet;

namespace Komaki.Management.Core.Execution;

/// Reads a 主要事業実行計画 sheet for one fiscal year: one row per major project. Same rules as every
/// import here: a preview of each change, refusals with row and reason, all or nothing.
public sealed class ExecutionPlanImport(AppDbContext db, ExcelLimits limits) : ISheetImport
{
    public async Task<ImportReport> RunAsync(Stream file, string fileName, int fiscalYear, bool apply, string? expectedFingerprint = null, CancellationToken ct = default)
    {
        SheetGrid grid;
        HeaderMap map;
        try
        {
            (grid, map) = SheetFinder.Open(file, limits, S.SheetName, S.Fields, new HashSet<string>());
        }
        catch (ExcelFileException e)
        {
            return ImportReport.Failed(fileName, e.Message);
        }
        var report = new ImportReport { FileName = fileName };
        report.Notes.Add("「指標（目標値）」の列は参照用のため読み込みません。指標の目標値は指標の画面で入力してください。");
        var projects = await ProjectCodes.LoadAsync(db, ct);
        var units = (await db.OrgUnits.AsNoTracking().ToListAsync(ct))
            .Where(u => u.IsValidIn(fiscalYear))
            .GroupBy(u => TextNormal.ForMatch(u.Name)).ToDictionary(g => g.Key, g => g.First());
        var unitNames = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var existing = await db.ExecutionPlans.Include(e => e.Schedule).Where(e => e.FiscalYear == fiscalYear).ToDictionaryAsync(e => e.ProjectId, ct);
        var seen = new Dictionary<int, int>();
        var toAdd = new List<ExecutionPlan>();

        foreach (var (row, code) in DataRows.Read(grid, map, report, S.Code.Key))
        {
            var (project, error) = projects.Find(code);
            var errors = new List<string>();
            if (project is null) errors.Add(error!);
            else if (!project.IsMajor) errors.Add($"「{project.Name}」は主要事業に指定されていません（事務事業の画面で指定できます）。");
            var yearText = row.Text(S.Year.Key);
            if (yearText is not null && (!Wareki.TryParseFiscalYear(yearText, out var y) || y != fiscalYear))
                errors.Add($"年度「{yearText}」が取り込み先の{Wareki.FiscalYear(fiscalYear)}と異なります。");
            if (project is not null && !seen.TryAdd(project.Id, row.Number))
                errors.Add($"同じ事業の行が{seen[project.Id]}行目にもあります。");

            var goal = row.Text(S.Goal.Key);
            var filled = new[] { S.Goal, S.Content, S.MidYearProgress, S.YearEndProgress }.Any(f => row.Text(f.Key) is not null)
                || ExecutionPlan.Months.Any(m => row.Text(S.Month(m).Key) is not null);
            if (!filled && errors.Count == 0 && (project is null || !existing.ContainsKey(project.Id)))
            {
                report.Skipped.Add(new(grid.Name, row.Number, "目標・内容・スケジュールが空欄のため未記入として読み飛ばしました。"));
                continue;
            }
            if (goal is null) errors.Add("今年度の目標が空欄です。");

            int? ownerUnitId = null;
            var unitText = row.Text(S.Unit.Key);
            if (unitText is not null)
            {
                if (units.TryGetValue(TextNormal.ForMatch(unitText), out var unit)) ownerUnitId = unit.Id;
                else errors.Add($"担当課「{unitText}」が{Wareki.FiscalYear(fiscalYear)}の組織にありません。");
            }
            ProgressStatus? Status(FieldSpec f)
            {
                var text = row.Text(f.Key);
                if (text is null) return null;
                if (ProgressStatusLabels.TryParse(text, out var s)) return s;
                errors.Add($"{f.Header}「{text}」を読み取れません（{string.Join("・", ProgressStatusLabels.All.Select(l => l.Label()))}のいずれか）。");
                return null;
            }
            var midStatus = Status(S.MidYearStatus);
            var endStatus = Status(S.YearEndStatus);
            foreach (var m in ExecutionPlan.Months)
            {
                if (row.Text(S.Month(m).Key) is { Length: > 200 }) errors.Add($"{m}月の予定が200文字を超えています。");
            }
            if (errors.Count > 0)
            {
                report.Refused.Add(new(grid.Name, row.Number, $"{code}: {string.Join(" ", errors)}"));
                continue;
            }

            var isNew = !existing.TryGetValue(project!.Id, out var plan);
            plan ??= new ExecutionPlan { FiscalYear = fiscalYear, ProjectId = project.Id, OwnerUnitId = project.OwnerUnitId };
            var changes = new List<FieldChange>();
            void Set(string field, string? old, string? value, Action apply)
            {
                if (!isNew && (old ?? "") == (value ?? "")) return;
                if (isNew && value is null) return;
                changes.Add(new(field, isNew ? null : old, value));
                apply();
            }
            if (ownerUnitId is int ou)
                Set(S.Unit.Header, unitNames.GetValueOrDefault(plan.OwnerUnitId), unitNames.GetValueOrDefault(ou), () => plan.OwnerUnitId = ou);
            Set(S.Goal.Header, plan.Goal, goal, () => plan.Goal = goal!);
            if (row.Has(S.Content.Key)) Set(S.Content.Header, plan.Content, row.Text(S.Content.Key), () => plan.Content = row.Text(S.Content.Key) ?? "");
            foreach (var m in ExecutionPlan.Months)
            {
                if (!row.Has(S.Month(m).Key)) continue;
                var work = row.Text(S.Month(m).Key);
                Set(S.Month(m).Header, plan.WorkIn(m), work, () => plan.SetWork(m, work));
            }
            if (row.Has(S.MidYearStatus.Key)) Set(S.MidYearStatus.Header, plan.MidYearStatus?.Label(), midStatus?.Label(), () => plan.MidYearStatus = midStatus);
            if (row.Has(S.MidYearProgress.Key)) Set(S.MidYearProgress.Header, plan.MidYearProgress, row.Text(S.MidYearProgress.Key), () => plan.MidYearProgress = row.Text(S.MidYearProgress.Key));
            if (row.Has(S.YearEndStatus.Key)) Set(S.YearEndStatus.Header, plan.YearEndStatus?.Label(), endStatus?.Label(), () => plan.YearEndStatus = endStatus);
            if (row.Has(S.YearEndProgress.Key)) Set(S.YearEndProgress.Header, plan.YearEndProgress, row.Text(S.YearEndProgress.Key), () => plan.YearEndProgress = row.Text(S.YearEndProgress.Key));

            if (isNew)
            {
                toAdd.Add(plan);
                report.Created.Add(new(grid.Name, row.Number, project.Code, project.Name, changes));
            }
            else if (changes.Count > 0) report.Updated.Add(new(grid.Name, row.Number, project.Code, project.Name, changes));
            else report.Unchanged++;
        }

        if (!report.ShouldWrite(apply, expectedFingerprint))
        {
            db.ChangeTracker.Clear();
            return report;
        }
        db.ExecutionPlans.AddRange(toAdd);
        await db.SaveChangesAsync(ct);
        report.Applied = true;
        return report;
    }
}
