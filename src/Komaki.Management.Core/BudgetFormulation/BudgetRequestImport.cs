using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Importing;
using Komaki.Management.Core.Organization;
using S = Komaki.Management.Core.BudgetFormulation.BudgetRequestSheet;

namespace Komaki.Management.Core.BudgetFormulation;

/// Reads a 課's 予算要求書 back: each row's 歳出, 財源内訳, 要求理由 and 新規/継続 become the 課's request for the 事業, as
/// entering it on the screen would (the person who imports is who entered it, so another head submits it). Only
/// requests not yet submitted change, and only the importer's own 課; a 財源内訳 that does not add up to the 歳出 is
/// refused. Same pipeline as every import: a preview of each change, refusals with row and cell, all or nothing.
public sealed class BudgetRequestImport(ImportContext context) : SheetImport(context)
{
    public const string Kind = "budget-request";

    private static readonly int ReasonLength = ModelLengths.Of<BudgetRequest>(r => r.Reason);

    public static readonly SheetKind Sheet = new(Kind, "予算要求書",
        context => new BudgetRequestImport(context),
        async (db, year, output, units) =>
        {
            await BudgetRequestExport.WriteAsync(db, year, output, units);
            return true;
        },
        year => $"予算要求書_{Wareki.FiscalYearShort(year)}.xlsx",
        new SheetRoute("BudgetFormulation", "Index", "year"),
        // A 課's requests are entered by its staff and head; planning does not enter them for the city.
        new SheetAccess(CityWide: false, [Roles.DepartmentHead, Roles.DepartmentStaff])
        {
            ReadsCity = BudgetAccess.ReadsAll,
        })
    {
        RoundTrips = true,
        // The sheet shows requests, projects and the budget and plan amounts beside them (no verdict, no indicator), so
        // the kept export outlives an indicator saved or an evaluation written.
        ExportAreas = [DataArea.Plan, DataArea.Do],
    };

    private ProjectCodes _projects = null!;
    private Dictionary<int, BudgetRequest> _existing = [];
    private Dictionary<int, (int StartYear, int? EndYear)> _activity = [];
    private readonly Dictionary<int, int> _seen = [];
    private readonly List<BudgetRequest> _toAdd = [];
    private OrgTree _org = null!;
    private Dictionary<int, BudgetStage> _closedDepartments = [];
    private HashSet<int> _brokenDownBySetsu = [];

    protected override SheetLayout Layout { get; } = new(S.SheetName, S.Fields, S.Code.Key, S.Code.Header)
    {
        AmountKeys = S.AmountKeys,
        IdentityKeys = [S.Name.Key],
        CodesAreProjects = true,
    };

    protected override async Task<string?> PrepareAsync(SheetTable table, CancellationToken ct)
    {
        var year = Request.Scope;
        _projects = await ProjectCodes.LoadAsync(Db, ct);
        _existing = await Db.BudgetRequests.Where(r => r.FiscalYear == year).ToDictionaryAsync(r => r.ProjectId, ct);
        _activity = await Db.Projects.AsNoTracking().ToDictionaryAsync(p => p.Id, p => (p.StartYear, p.EndYear), ct);
        _org = new OrgTree(await Db.OrgUnits.AsNoTracking().ToListAsync(ct));
        // The screen's two rules, read once for the sheet: a 部 whose first stage is committed takes no more requests
        // (追加要求), and a 歳出 broken down by 節 changes only with its breakdown, on the screen.
        _closedDepartments = (await Db.BudgetStageCommits.AsNoTracking().Where(c => c.FiscalYear == year).Select(c => new { c.DepartmentId, c.Stage }).ToListAsync(ct))
            .GroupBy(c => c.DepartmentId).ToDictionary(g => g.Key, g => g.Min(c => c.Stage));
        _brokenDownBySetsu = (await Db.BudgetRequests.AsNoTracking().Where(r => r.FiscalYear == year && r.Breakdown.Any()).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        return null;
    }

    protected override void Read(ImportRow row)
    {
        var year = Request.Scope;
        var code = row.Text(S.Code.Key)!;
        var (project, error) = _projects.Find(code);
        var errors = new List<string>();
        if (project is null) errors.Add($"{row.Cell(S.Code.Key)}: {error}");
        else if (!_seen.TryAdd(project.Id, row.Number)) errors.Add($"{row.Cell(S.Code.Key)}: 同じ事業の行が{_seen[project.Id]}行目にもあります。");
        var request = project is null ? null : _existing.GetValueOrDefault(project.Id);
        var filled = S.AmountKeys.Append(S.Reason.Key).Any(k => row.Text(k) is not null);
        if (!filled && errors.Count == 0 && request is null)
        {
            Report.Skipped.Add(new(row.Sheet, row.Number, "要求額・財源・要求理由が空欄のため、要求しない事業として読み飛ばしました。"));
            return;
        }
        if (project is not null)
        {
            if (request is null && (project.IsRetired || _activity.TryGetValue(project.Id, out var a) && (a.StartYear > year || a.EndYear < year)))
                errors.Add($"{row.Cell(S.Code.Key)}: 「{project.Name}」は{Wareki.FiscalYear(year)}に実施する事業ではないため、要求できません。");
        }

        long Amount(FieldSpec f)
        {
            var before = errors.Count;
            var yen = row.Amount(f, errors);
            if (errors.Count > before) return 0;
            if (yen < 0) { errors.Add($"{f.Header}「{row.Text(f.Key)}」が負の額です（{row.Cell(f.Key)}）。0以上で書いてください。"); return 0; }
            return yen ?? 0;
        }
        var beforeAmounts = errors.Count;
        if (row.Text(S.Expenditure.Key) is null) errors.Add($"{S.Expenditure.Header}が空欄です（{row.Cell(S.Expenditure.Key)}）。");
        var e = Amount(S.Expenditure);
        var f = Funding.Of([.. S.Sources.Select(Amount)]);
        if (errors.Count == beforeAmounts && BudgetChecks.FundingMismatch(e, f) is string mismatch)
            errors.Add($"{row.Number}行目（{row.Cell(S.Expenditure.Key)}〜{row.Cell(S.General.Key)}）: {mismatch}");
        bool? isNew = null;
        if (row.Text(S.Kind.Key) is not string kindText) errors.Add($"{S.Kind.Header}が空欄です（{row.Cell(S.Kind.Key)}）。「{S.NewLabel}」か「{S.ContinuingLabel}」と書いてください。");
        else if (S.ReadKind(kindText) is not bool k) errors.Add($"{S.Kind.Header}「{kindText}」が新規か継続か読み取れません（{row.Cell(S.Kind.Key)}）。「{S.NewLabel}」か「{S.ContinuingLabel}」と書いてください。");
        else isNew = k;
        var reason = row.Shown(S.Reason.Key);
        if (reason is null) errors.Add($"{S.Reason.Header}が空欄です（{row.Cell(S.Reason.Key)}）。");
        else if (reason.Length > ReasonLength) errors.Add($"{S.Reason.Header}が{ReasonLength:N0}文字を超えています（{row.Cell(S.Reason.Key)}）。");

        // A submitted request is the 課's 要求 stage: the sheet may show it, never change it. A person is told so by the
        // form's rule (asked below); the operator's command line, which imports as the system, by the same reason here.
        if (Request.Asker is null && request?.SubmittedAt is not null && errors.Count == 0)
        {
            var differs = Differences(request, e, f, reason!, isNew!.Value).Select(d => row.Cell(d.Key)).ToList();
            if (differs.Count > 0) errors.Add($"{string.Join("・", differs)}: {BudgetAccess.SubmittedRefusal}");
        }
        // A submitted request is refused by the rule (below) before anything else is said about it.
        if (errors.Count == 0 && project is not null && request?.SubmittedAt is null && (request is null || Differences(request, e, f, reason!, isNew!.Value).Any()))
        {
            var unit = request?.OrgUnitId ?? project.OwnerUnitId;
            var department = _org.DepartmentOf(unit)?.Id ?? unit;
            if (_closedDepartments.TryGetValue(department, out var committed))
                errors.Add($"{row.Cell(S.Code.Key)}: {BudgetFormulationCommands.ClosedMessage(_org, department, committed)}");
            else if (request is not null && request.Expenditure != e && _brokenDownBySetsu.Contains(request.Id))
                errors.Add($"{row.Cell(S.Expenditure.Key)}: この要求は歳出を節に分けて入力しているため、歳出は Excel では変えられません。画面で節の内訳とあわせて直してください。");
        }
        if (errors.Count > 0)
        {
            Refuse(row, code, errors);
            return;
        }

        var changes = request is null ? null : Differences(request, e, f, reason!, isNew!.Value).Select(d => d.Change).ToList();
        if (changes is { Count: 0 })
        {
            Report.Unchanged++;
            return;
        }
        var target = request ?? new BudgetRequest { FiscalYear = year, ProjectId = project!.Id, OrgUnitId = project.OwnerUnitId };
        // The form's rule decides whether the importer may enter this request, as the request form's POST asks it.
        List<string> cells = request is null ? [row.Cell(S.Code.Key)] : [.. Differences(request, e, f, reason!, isNew!.Value).Select(d => row.Cell(d.Key))];
        // The request's 課 once it exists (the 事業 may have moved since); the 事業's for a new one.
        AskOwnUnits(row.Sheet, row.Number, cells, project!.Code, project.Name, target.OrgUnitId);
        Ask(row.Sheet, row.Number, cells, target, RecordOperation.Edit);
        (target.Expenditure, target.Funding) = (e, f);
        target.Reason = reason;
        target.IsNew = isNew!.Value;
        target.EnteredBy = Request.UserName;
        if (request is null)
        {
            _toAdd.Add(target);
            var created = Differences(new BudgetRequest(), e, f, reason!, isNew.Value).Select(d => d.Change with { Old = null }).ToList();
            Report.Created.Add(new(row.Sheet, row.Number, project!.Code, project.Name, created));
        }
        else Report.Updated.Add(new(row.Sheet, row.Number, project!.Code, project.Name, changes!));
    }

    /// The requests of the year the importer's units hold that the sheet has no row for: an import never deletes a
    /// request (nor does the screen), so they stay as they are, and the preview names them.
    protected override void Finish()
    {
        foreach (var r in _existing.Values.Where(r => !_seen.ContainsKey(r.ProjectId) && (Request.OwnUnits is not { } own || own.Contains(r.OrgUnitId)))
            .Select(r => (Request: r, Project: _projects.ById(r.ProjectId))).OrderBy(x => x.Project.Code, StringComparer.Ordinal))
            Report.LeftOut.Add(new(r.Project.Code, $"{r.Project.Name}の要求（{(r.Request.SubmittedAt is null ? "入力中" : "提出済")}）"));
    }

    private static IEnumerable<(string Key, FieldChange Change)> Differences(BudgetRequest r, long e, Funding f, string reason, bool isNew)
    {
        (FieldSpec Field, long Old, long New)[] amounts =
            [(S.Expenditure, r.Expenditure, e), .. S.Sources.Select((s, i) => (s, Funding.Parts[i].Of(r.Funding), Funding.Parts[i].Of(f)))];
        if (r.Id == 0 || r.IsNew != isNew) yield return (S.Kind.Key, new(S.Kind.Header, r.Id == 0 ? null : Label(r.IsNew), Label(isNew)));
        foreach (var (field, old, value) in amounts)
        {
            if (r.Id == 0 || old != value) yield return (field.Key, new(field.Header + "（千円）", Amounts.Thousands(old), Amounts.Thousands(value)));
        }
        if (r.Reason != reason) yield return (S.Reason.Key, new(S.Reason.Header, r.Reason, reason));
    }

    private static string Label(bool isNew) => isNew ? S.NewLabel : S.ContinuingLabel;

    protected override async Task WriteAsync(CancellationToken ct)
    {
        Db.BudgetRequests.AddRange(_toAdd);
        await Db.SaveChangesAsync(ct);
    }
}

public static class BudgetRequestExport
{
    /// The year's requests of the given units (all when null) and, for each 事業 of those units active in the year
    /// without a request, an empty row to fill in; with the 実施計画's amount and the year before's budget beside them.
    public static async Task WriteAsync(AppDbContext db, int year, Stream output, IReadOnlySet<int>? units, CancellationToken ct = default)
    {
        var org = new OrgTree(await db.OrgUnits.AsNoTracking().ToListAsync(ct));
        var requests = await db.BudgetRequests.AsNoTracking().Include(r => r.Project)
            .Where(r => r.FiscalYear == year && (units == null || units.Contains(r.OrgUnitId))).ToListAsync(ct);
        var requested = requests.Select(r => r.ProjectId).ToHashSet();
        var open = await db.Projects.AsNoTracking()
            .Where(p => (units == null || units.Contains(p.OwnerUnitId)) && p.RetiredAt == null && p.StartYear <= year && (p.EndYear == null || p.EndYear >= year))
            .ToListAsync(ct);
        open = open.Where(p => !requested.Contains(p.Id)).ToList();
        var context = await new BudgetFormulationPages(db).AmountsBesideAsync(year, [.. requested, .. open.Select(p => p.Id)]);
        var rows = requests.Select(r => (Unit: r.OrgUnitId, Row: new BudgetRequestSheet.Row(r.Project!.Code, r.Project.Name, org.Find(r.OrgUnitId)?.Name, r.IsNew, r, r.Reason,
                context[r.ProjectId].PlanAmount, context[r.ProjectId].PreviousBudget, r.SubmittedAt is null ? "入力中" : "提出済")))
            .Concat(open.Select(p => (Unit: p.OwnerUnitId, Row: new BudgetRequestSheet.Row(p.Code, p.Name, org.Find(p.OwnerUnitId)?.Name, p.StartYear == year, null, null,
                context[p.Id].PlanAmount, context[p.Id].PreviousBudget, "未入力"))))
            .OrderBy(x => org.PathName(x.Unit), StringComparer.Ordinal).ThenBy(x => x.Row.Code, StringComparer.Ordinal).Select(x => x.Row).ToList();
        // The sheet of one 課 (or 部) says whose it is.
        var top = units?.Where(u => org.Find(u)?.ParentId is not int parent || !units.Contains(parent)).ToList();
        BudgetRequestSheet.Write(output, year, top is [int only] ? org.PathName(only) : null, rows);
    }
}
