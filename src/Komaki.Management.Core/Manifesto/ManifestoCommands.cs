using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Manifesto;

/// Planning's edits of the manifesto: terms, promises, their links into the plan and their yearly progress.
public sealed class ManifestoCommands(AppDbContext db, ManifestoPages pages, RecordSaver saver, CityClock clock) : IUseCase
{
    /// Links a promise to a current element of the plan by its code (the result names it); refused when the code
    /// names nothing current or the link exists.
    /// The form is valid (LinkFormValidator).
    public async Task<(CommandResult Result, string? Name)> AddLinkAsync(int itemId, LinkForm form, int year)
    {
        var item = await db.ManifestoItems.Include(i => i.Links).FirstAsync(i => i.Id == itemId);
        var level = form.Level!.Value;
        var c = form.Code!.Trim();
        var link = new ManifestoLink { ManifestoItemId = itemId };
        var basicPlan = await pages.CurrentBasicPlanAsync(year);
        string? name = null;
        switch (level)
        {
            case PlanLevel.Policy:
                var policy = await db.Policies.Where(p => p.Code == c && p.RetiredAt == null && (basicPlan == null || p.BasicPlanId == basicPlan.Id)).FirstOrDefaultAsync();
                (link.PolicyId, name) = (policy?.Id, policy?.Name);
                break;
            case PlanLevel.Measure:
                var measure = await db.Measures.Where(m => m.Code == c && m.RetiredAt == null && (basicPlan == null || m.Policy!.BasicPlanId == basicPlan.Id)).FirstOrDefaultAsync();
                (link.MeasureId, name) = (measure?.Id, measure?.Name);
                break;
            case PlanLevel.Project:
                var project = await db.Projects.Where(p => p.Code == c && p.RetiredAt == null).FirstOrDefaultAsync();
                (link.ProjectId, name) = (project?.Id, project?.Name);
                break;
            default:
                return (CommandResult.Refused(nameof(form.Level), "結び付ける先の区分を選んでください。"), null);
        }
        if (name is null) return (CommandResult.Refused(nameof(form.Code), $"コード「{c}」の{level.Label()}が現行の計画にありません。"), null);
        if (item.Links.Any(l => l.PolicyId == link.PolicyId && l.MeasureId == link.MeasureId && l.ProjectId == link.ProjectId))
            return (CommandResult.Refused(nameof(form.Code), $"{c} {name} は既に結び付いています。"), name);
        db.ManifestoLinks.Add(link);
        return (await saver.SaveAsync(), name);
    }

    /// False when the item has no such link.
    public async Task<bool> RemoveLinkAsync(int itemId, int linkId)
    {
        var link = await db.ManifestoLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.ManifestoItemId == itemId);
        if (link is null) return false;
        db.ManifestoLinks.Remove(link);
        await db.SaveChangesAsync();
        return true;
    }

    /// The form is valid (ManifestoProgressFormValidator); the year must be within the item's term.
    public async Task<CommandResult> SaveProgressAsync(int itemId, ManifestoProgressForm form)
    {
        var item = await db.ManifestoItems.Include(i => i.MayorTerm).Include(i => i.Progress).FirstAsync(i => i.Id == itemId);
        var (fiscalYear, status, commentary, evidence, version) = (form.FiscalYear, form.Status!.Value, form.Commentary, form.Evidence, form.Version);
        if (fiscalYear < item.MayorTerm!.FirstFiscalYear || item.MayorTerm.LastFiscalYear is int last && fiscalYear > last)
            return CommandResult.Refused(nameof(form.FiscalYear), "任期中の年度を選んでください。");
        var progress = item.Progress.FirstOrDefault(p => p.FiscalYear == fiscalYear);
        if (progress is null)
        {
            progress = new ManifestoProgress { ManifestoItemId = itemId, FiscalYear = fiscalYear };
            db.ManifestoProgress.Add(progress);
        }
        var before = progress.Id == 0 ? "" : progress.PublicText();
        progress.Status = status;
        progress.Commentary = commentary!.Trim();
        progress.Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
        if (await PublishedCorrections.ApplyAsync(db, progress, before, form.CorrectionReason, clock.UtcNow) is { } refused) return refused;
        return await saver.SaveEditsAsync([(progress, progress.Id == 0 ? 0 : version)], item.AuditTarget);
    }

    public async Task<CommandResult> CreateItemAsync(int termId, ItemForm form)
    {
        if (await NumberTakenAsync(termId, null, form) is { } taken) return taken;
        var item = new ManifestoItem { MayorTermId = termId, SortOrder = await db.ManifestoItems.CountAsync(i => i.MayorTermId == termId) + 1 };
        Copy(form, item);
        db.ManifestoItems.Add(item);
        var saved = await saver.SaveAsync();
        return saved.Succeeded ? saved.WithRecord(item.Id) : saved;
    }

    /// The item to edit, with its term, tracked so the edit saves it.
    public Task<ManifestoItem?> ItemToEditAsync(int id) => db.ManifestoItems.Include(i => i.MayorTerm).FirstOrDefaultAsync(i => i.Id == id);

    /// The term to edit, tracked so the edit saves it.
    public Task<MayorTerm?> TermToEditAsync(int id) => db.MayorTerms.FirstOrDefaultAsync(x => x.Id == id);

    public async Task<CommandResult> EditItemAsync(ManifestoItem item, ItemForm form)
    {
        if (await NumberTakenAsync(item.MayorTermId, item.Id, form) is { } taken) return taken;
        var before = item.PublicText();
        Copy(form, item);
        if (await PublishedCorrections.ApplyAsync(db, item, before, form.CorrectionReason, clock.UtcNow) is { } refused) return refused;
        return await saver.SaveEditAsync(item, form.Version, item.AuditTarget);
    }

    public async Task<CommandResult> CreateTermAsync(TermForm form)
    {
        var (start, end) = Dates(form);
        var term = new MayorTerm { Title = form.Title!.Trim(), MayorName = form.MayorName!.Trim(), StartDate = start, EndDate = end };
        db.MayorTerms.Add(term);
        var saved = await saver.SaveAsync();
        return saved.Succeeded ? saved.WithRecord(term.Id) : saved;
    }

    public Task<CommandResult> EditTermAsync(MayorTerm term, TermForm form)
    {
        var (start, end) = Dates(form);
        (term.Title, term.MayorName, term.StartDate, term.EndDate) = (form.Title!.Trim(), form.MayorName!.Trim(), start, end);
        return saver.SaveEditAsync(term, form.Version, term.AuditTarget);
    }

    public static TermForm FormOf(MayorTerm t) => new()
    {
        Version = t.Version, Title = t.Title, MayorName = t.MayorName,
        StartDate = t.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), EndDate = t.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public static ItemForm FormOf(ManifestoItem item) => new()
    {
        Version = item.Version, MayorTermId = item.MayorTermId, Number = item.Number, Area = item.Area, Title = item.Title,
        Description = item.Description, NumericTarget = item.NumericTarget, Note = item.Note,
    };

    // The validator has checked both dates.
    private static (DateOnly Start, DateOnly? End) Dates(TermForm form) =>
        (DateOnly.Parse(form.StartDate!, CultureInfo.InvariantCulture),
         string.IsNullOrWhiteSpace(form.EndDate) ? null : DateOnly.Parse(form.EndDate, CultureInfo.InvariantCulture));

    /// Whether the number is free in the term: shown together with the validator's refusals.
    public async Task<CommandResult> CheckItemAsync(int termId, int? id, ItemForm form) =>
        string.IsNullOrWhiteSpace(form.Number) ? new CommandResult() : await NumberTakenAsync(termId, id, form) ?? new CommandResult();

    private async Task<CommandResult?> NumberTakenAsync(int termId, int? id, ItemForm form)
    {
        var number = form.Number!.Trim();
        return await db.ManifestoItems.AnyAsync(i => i.MayorTermId == termId && i.Number == number && i.Id != id)
            ? CommandResult.Refused(nameof(form.Number), $"番号「{number}」はこの任期で既に使われています。")
            : null;
    }

    private static void Copy(ItemForm form, ManifestoItem item)
    {
        item.Number = form.Number!.Trim();
        item.Area = form.Area!.Trim();
        item.Title = form.Title!.Trim();
        item.Description = (form.Description ?? "").Trim();
        item.NumericTarget = string.IsNullOrWhiteSpace(form.NumericTarget) ? null : form.NumericTarget.Trim();
        item.Note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
    }
}
