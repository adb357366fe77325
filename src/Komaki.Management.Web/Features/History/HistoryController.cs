using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.Web.Features.History;

public sealed record HistoryModel(string RecordType, string RecordId, string Title, string? BackUrl, Paged<AuditEntry> Entries, Core.Organization.OrgTree Org);

/// A record's history: who changed what, when, from which value to which.
[Authorize(Roles = Roles.Staff)]
public sealed class HistoryController(AppDbContext db, OrgTreeProvider orgTree) : AppController(db)
{
    private static readonly HashSet<string> Readable = ["Policy", "Measure", "BasicProject", "Project", "Indicator", "OrgUnit", "ComprehensivePlan", "BasicPlan"];

    [HttpGet("History/{recordType}/{recordId}")]
    public async Task<IActionResult> Index(string recordType, string recordId, int page = 1)
    {
        // User accounts' history is for administrators only.
        if (recordType == "AppUser" && !User.IsInRole(Roles.Administrator)) return Forbidden();
        if (recordType != "AppUser" && !Readable.Contains(recordType)) return NotFound();
        var entries = await Db.AuditEntries.AsNoTracking()
            .Where(a => a.RecordType == recordType && a.RecordId == recordId)
            .OrderByDescending(a => a.Id)
            .ToPagedAsync(page, 50);
        var (title, back) = await DescribeAsync(recordType, recordId);
        return View(new HistoryModel(recordType, recordId, title, back, entries, await orgTree.GetAsync()));
    }

    private async Task<(string Title, string? Back)> DescribeAsync(string type, string id)
    {
        if (!int.TryParse(id, out var n)) return (id, null);
        return type switch
        {
            "Policy" or "Measure" or "BasicProject" or "Project" => (await NameAsync(type, n), Url.Action("Details", "PlanElements", new { level = type, id = n })),
            "Indicator" => (await Db.Indicators.Where(i => i.Id == n).Select(i => i.Name).FirstOrDefaultAsync() ?? id, Url.Action("Details", "Indicators", new { id = n })),
            "OrgUnit" => (await Db.OrgUnits.Where(u => u.Id == n).Select(u => u.Name).FirstOrDefaultAsync() ?? id, Url.Action("Index", "OrgUnits")),
            _ => (id, null),
        };
    }

    private async Task<string> NameAsync(string type, int id) => type switch
    {
        "Policy" => await Db.Policies.Where(x => x.Id == id).Select(x => x.Code + " " + x.Name).FirstOrDefaultAsync(),
        "Measure" => await Db.Measures.Where(x => x.Id == id).Select(x => x.Code + " " + x.Name).FirstOrDefaultAsync(),
        "BasicProject" => await Db.BasicProjects.Where(x => x.Id == id).Select(x => x.Code + " " + x.Name).FirstOrDefaultAsync(),
        _ => await Db.Projects.Where(x => x.Id == id).Select(x => x.Code + " " + x.Name).FirstOrDefaultAsync(),
    } ?? id.ToString();
}
