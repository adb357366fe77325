namespace Komaki.Management.Web.Features.History;

/// A record's history: who changed what, when, from which value to which.
[Authorize(Policy = Policies.Staff)]
public sealed class HistoryController(AppDbContext db, OrgTreeProvider orgTree, Core.Evaluation.DirectionCatalog directions, Core.Importing.LabelTable labels) : AppController(db)
{
    private static readonly HashSet<string> Readable = ["Policy", "Measure", "BasicProject", "Project", "Indicator", "OrgUnit", "ComprehensivePlan", "BasicPlan", "ImplementationPlan", "BudgetLine", "ExecutionPlan",
        "MayorTerm", "ManifestoItem", "CitizenInput", "SurveyResult", "OrganizationalGoal", "ProjectEvaluation", "ImprovementAction", "MeasureEvaluation", "ForumSession",
        "LabelMapping", "UnitNameMapping", "DirectionChoice", "ControlRisk"];
    // The directory's group-to-role mapping, like user accounts, is for administrators only.
    private static readonly HashSet<string> AdministratorsOnly = ["AppUser", "DirectoryRoleMapping"];
    // The staff register (所属・職・級・退職日) is 人事課's and the administrators'.
    private static readonly HashSet<string> PersonnelOnly = ["StaffMember"];
    // IndividualGoal is deliberately absent: its history would show private goals to every staff member.

    [HttpGet("History/{recordType}/{recordId}")]
    public async Task<IActionResult> Index(string recordType, string recordId, int page = 1)
    {
        // User accounts' history is for administrators only.
        if (AdministratorsOnly.Contains(recordType) && !User.IsInRole(Roles.Administrator)) return Forbidden();
        if (PersonnelOnly.Contains(recordType) && !User.IsInRole(Roles.Personnel) && !User.IsInRole(Roles.Administrator)) return Forbidden();
        if (!AdministratorsOnly.Contains(recordType) && !PersonnelOnly.Contains(recordType) && !Readable.Contains(recordType)) return NotFound();
        if (recordType == "ProjectEvaluation" && !await CanReadEvaluationAsync(recordId)) return Forbidden();
        if (recordType == "ImprovementAction" && !await CanReadImprovementAsync(recordId)) return Forbidden();
        if (recordType == "OrganizationalGoal" && !await CanReadGoalAsync(recordId)) return Forbidden();
        if (recordType == "ControlRisk" && !await CanReadRiskAsync(recordId)) return Forbidden();
        var entries = await Db.AuditEntries.AsNoTracking()
            .Where(a => a.RecordType == recordType && a.RecordId == recordId)
            .OrderByDescending(a => a.Id)
            .ToPagedAsync(HttpContext.PageFor(page), HttpContext.PageSizeFor(50));
        var (title, back) = await DescribeAsync(recordType, recordId);
        var wording = await HistoryWording.LoadAsync(Db, recordType, recordId, entries.Items, await orgTree.GetAsync(), directions, labels);
        return View(new HistoryModel(recordType, recordId, title, back, entries, wording, await DetailLabelsAsync(entries.Items)));
    }

    private async Task<(string Title, string? Back)> DescribeAsync(string type, string id)
    {
        if (!int.TryParse(id, out var n)) return (id, null);
        return type switch
        {
            "Policy" or "Measure" or "BasicProject" or "Project" => (await NameAsync(type, n), Url.Action("Details", "PlanElements", new { level = type, id = n })),
            "Indicator" => (await Db.Indicators.Where(i => i.Id == n).Select(i => i.Name).FirstOrDefaultAsync() ?? id, Url.Action("Details", "Indicators", new { id = n })),
            "ImplementationPlan" => (await Db.ImplementationPlans.Where(p => p.Id == n).Select(p => p.Title).FirstOrDefaultAsync() ?? id,
                await Db.ImplementationPlans.Where(p => p.Id == n).Select(p => (int?)p.FiscalYear).FirstOrDefaultAsync() is int y ? Url.Action("Details", "ImplementationPlans", new { year = y }) : null),
            "BudgetLine" => await Db.BudgetLines.Where(b => b.Id == n).Select(b => new { b.FiscalYear, b.ProjectId, b.Project!.Code, b.Project.Name }).FirstOrDefaultAsync() is { } b
                ? ($"{b.Code} {b.Name} {Core.Common.Wareki.FiscalYear(b.FiscalYear)}予算", Url.Action("Edit", "Budgets", new { year = b.FiscalYear, projectId = b.ProjectId }))
                : (id, null),
            "ExecutionPlan" => await Db.ExecutionPlans.Where(e => e.Id == n).Select(e => new { e.FiscalYear, e.ProjectId, e.Project!.Code, e.Project.Name }).FirstOrDefaultAsync() is { } e
                ? ($"{e.Code} {e.Name} {Core.Common.Wareki.FiscalYear(e.FiscalYear)} 主要事業実行計画", Url.Action("Details", "ExecutionPlans", new { year = e.FiscalYear, projectId = e.ProjectId }))
                : (id, null),
            "ManifestoItem" => (await Db.ManifestoItems.Where(i => i.Id == n).Select(i => i.Number + " " + i.Title).FirstOrDefaultAsync() ?? id, Url.Action("Item", "Manifesto", new { id = n })),
            "MayorTerm" => (await Db.MayorTerms.Where(t => t.Id == n).Select(t => t.Title + "（" + t.MayorName + "）").FirstOrDefaultAsync() ?? id, Url.Action("Index", "Manifesto", new { termId = n })),
            "CitizenInput" => ("市民の声", Url.Action("Details", "CitizenInputs", new { id = n })),
            "SurveyResult" => ($"{Core.Common.Wareki.FiscalYear(n)} 市民意識調査", Url.Action("Index", "Survey", new { year = n })),
            "ProjectEvaluation" => await Db.ProjectEvaluations.Where(e => e.Id == n).Select(e => new { e.FiscalYear, e.ProjectId, e.Project!.Code, e.Project.Name }).FirstOrDefaultAsync() is { } ev
                ? ($"{ev.Code} {ev.Name} {Core.Common.Wareki.FiscalYear(ev.FiscalYear)} 事務事業評価", Url.Action("Details", "Evaluations", new { year = ev.FiscalYear, projectId = ev.ProjectId }))
                : (id, null),
            "ControlRisk" => (await Db.ControlRisks.Where(r => r.Id == n).Select(r => "リスク " + r.Code).FirstOrDefaultAsync() ?? id, Url.Action("Details", "Control", new { id = n })),
            "OrganizationalGoal" => (await Db.OrganizationalGoals.Where(g => g.Id == n).Select(g => g.Title).FirstOrDefaultAsync() ?? id, Url.Action("Details", "Goals", new { id = n })),
            "OrgUnit" => (await Db.OrgUnits.Where(u => u.Id == n).Select(u => u.Name).FirstOrDefaultAsync() ?? id, Url.Action("Index", "OrgUnits")),
            "LabelMapping" => ($"取り込みの読み替え「{await Db.LabelMappings.Where(m => m.Id == n).Select(m => m.Label).FirstOrDefaultAsync() ?? "（外した表記）"}」", Url.Action("Index", "ImportLabels")),
            "UnitNameMapping" => ($"部課名の対応「{await Db.UnitNameMappings.Where(m => m.Id == n).Select(m => m.Name).FirstOrDefaultAsync() ?? "（外した対応）"}」", Url.Action("Index", "ImportLabels")),
            "DirectoryRoleMapping" => ($"ディレクトリのグループ「{await Db.DirectoryRoleMappings.Where(m => m.Id == n).Select(m => m.Group).FirstOrDefaultAsync() ?? "（外した対応）"}」と役割の対応", Url.Action("Index", "DirectoryMappings")),
            "StaffMember" => (await Db.StaffMembers.Where(m => m.Id == n).Select(m => "職員 " + m.Name + "（職員番号 " + m.StaffNumber + "）").FirstOrDefaultAsync() ?? id,
                Url.Action("Index", "StaffLeaving", new { id = n })),
            "DirectionChoice" => ($"今後の方向性の区分「{await Db.DirectionChoices.Where(c => (int)c.Code == n).Select(c => c.Label).FirstOrDefaultAsync() ?? id}」", Url.Action("Index", "Directions")),
            _ => (id, null),
        };
    }

    private async Task<string> NameAsync(string type, int id) => type switch
    {
        "Policy" => await Db.Policies.Where(x => x.Id == id).Select(x => x.Code + " " + x.Name).FirstOrDefaultAsync(),
        "Measure" => await Db.Measures.Where(x => x.Id == id).Select(x => x.Code + " " + x.Name).FirstOrDefaultAsync(),
        "BasicProject" => await Db.BasicProjects.Where(x => x.Id == id).Select(x => x.Code + " " + x.Name).FirstOrDefaultAsync(),
        _ => await Db.Projects.Where(x => x.Id == id).Select(x => x.Code + " " + x.Name).FirstOrDefaultAsync(),
    } ?? id.ToString(CultureInfo.InvariantCulture);

    /// An evaluation not yet published belongs to its unit and planning, history included.
    private async Task<bool> CanReadEvaluationAsync(string recordId)
    {
        if (!int.TryParse(recordId, out var id)) return false;
        var e = await Db.ProjectEvaluations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        return e is null || Core.Evaluation.EvaluationAccess.CanRead(Actor, e, await orgTree.GetAsync());
    }

    private async Task<bool> CanReadGoalAsync(string recordId)
    {
        if (!int.TryParse(recordId, out var id)) return false;
        var g = await Db.OrganizationalGoals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        return g is null || Core.Goals.GoalWorkflow.CanRead(Actor, g, await orgTree.GetAsync());
    }

    private async Task<bool> CanReadRiskAsync(string recordId)
    {
        if (!int.TryParse(recordId, out var id)) return false;
        var r = await Db.ControlRisks.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        return r is null || await MayAsync(r, RecordOperations.Read);
    }

    private async Task<bool> CanReadImprovementAsync(string recordId)
    {
        if (!int.TryParse(recordId, out var id)) return false;
        var a = await Db.ImprovementActions.AsNoTracking().Include(x => x.ProjectEvaluation).FirstOrDefaultAsync(x => x.Id == id);
        return a is null || Core.Evaluation.EvaluationAccess.CanRead(Actor, a, a.ProjectEvaluation?.State, await orgTree.GetAsync());
    }

    /// Plan lines are filed under their edition with "projectId:year"; staff read the project code and the year.
    private async Task<IReadOnlyDictionary<string, string>> DetailLabelsAsync(IEnumerable<AuditEntry> entries)
    {
        var keys = entries.Select(e => e.Detail).OfType<string>().Where(d => d.Contains(':')).Distinct().ToList();
        var ids = keys.Select(k => int.TryParse(k.Split(':')[0], out var i) ? i : 0).Distinct().ToList();
        var codes = await Db.Projects.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Code);
        var labels = new Dictionary<string, string>();
        foreach (var k in keys)
        {
            var parts = k.Split(':');
            if (int.TryParse(parts[0], out var pid) && int.TryParse(parts[1], out var year) && codes.TryGetValue(pid, out var code))
                labels[k] = $"{code} {Core.Common.Wareki.FiscalYear(year)}";
        }
        return labels;
    }
}
