using FluentValidation.AspNetCore;

namespace Komaki.Management.Web.Infrastructure;

/// What the feature controllers share: the current actor, explicit validation, and saving with the
/// optimistic concurrency check that keeps the second editor's input on screen.
public abstract class AppController(AppDbContext db) : Controller
{
    protected AppDbContext Db { get; } = db;

    protected Actor Actor => HttpContext.RequestServices.GetRequiredService<CurrentUser>().Actor;

    /// 403 with the explanatory page; used after a per-record check fails.
    protected IActionResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden);

    /// 403 whose page says why and what to do instead.
    protected IActionResult Forbidden(string reason)
    {
        HttpContext.Items[ForbiddenReason] = reason;
        return StatusCode(StatusCodes.Status403Forbidden);
    }

    public const string ForbiddenReason = "komaki:forbidden-reason";

    protected async Task<bool> ValidateAsync<T>(T form)
    {
        var validator = HttpContext.RequestServices.GetService<IValidator<T>>();
        if (validator is null) return ModelState.IsValid;
        var result = await validator.ValidateAsync(form);
        result.AddToModelState(ModelState);
        return ModelState.IsValid;
    }

    /// Lists open where the user works: for department staff their own unit and the units under it; 0 asks for the
    /// whole city (全庁), and a unit asked for is that unit.
    protected int? ListUnit(int? requested) => requested switch
    {
        0 => null,
        int unit => unit,
        null => Actor.IsIn(Core.Identity.Roles.DepartmentHead) || Actor.IsIn(Core.Identity.Roles.DepartmentStaff) ? Actor.UnitId : null,
    };

    /// Text longer than its column would fail on SQL Server (SQLite would keep it): every added or changed record is
    /// checked against the model's maximum lengths, and each overflow is reported beside its field by name.
    protected bool LengthsOk()
    {
        var ok = true;
        foreach (var entry in Db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties.Where(p => p.Metadata.ClrType == typeof(string)))
            {
                if (property.Metadata.GetMaxLength() is not int max || property.CurrentValue is not string value || value.Length <= max) continue;
                var name = property.Metadata.Name;
                ModelState.AddModelError(name, $"{Features.History.FieldNames.Of(name)}は{max:N0}文字以内で入力してください（現在 {value.Length:N0} 文字）。");
                ok = false;
            }
        }
        return ok;
    }

    /// Saves an edit of a versioned record that the user started from `expectedVersion`. When someone
    /// else saved first, nothing is written, the reason goes to ModelState and false is returned.
    protected Task<bool> TrySaveEditAsync<T>(T entity, int expectedVersion, AuditTarget target) where T : class, IVersioned =>
        TrySaveEditsAsync([(entity, expectedVersion)], target);

    /// Saves edits of several versioned records made on one screen (e.g. the three years of a project's
    /// plan): all of them, or none when any was saved by someone else in the meantime.
    protected async Task<bool> TrySaveEditsAsync(IReadOnlyCollection<(IVersioned Entity, int ExpectedVersion)> edits, AuditTarget target)
    {
        if (!LengthsOk()) return false;
        if (edits.All(e => e.Entity.Version == e.ExpectedVersion))
        {
            foreach (var (entity, expected) in edits)
            {
                var entry = Db.Entry(entity);
                if (entry.State != EntityState.Added) entry.Property(nameof(IVersioned.Version)).OriginalValue = expected;
            }
            try
            {
                await Db.SaveChangesAsync();
                return true;
            }
            catch (DbUpdateConcurrencyException)
            {
                Db.ChangeTracker.Clear();
            }
        }
        else
        {
            Db.ChangeTracker.Clear();
        }
        var latest = await Db.AuditEntries.AsNoTracking()
            .Where(a => a.RecordType == target.RecordType && a.RecordId == target.RecordId)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync();
        var who = latest is null ? "他の職員" : $"{latest.UserName}（{Display.DateTime(latest.At)}）";
        ModelState.AddModelError(string.Empty,
            $"保存できませんでした。あなたが編集を始めた後に {who} がこの記録を更新しています。" +
            "入力内容はこの画面に残してあります。最新の内容を確認してから、もう一度保存してください。");
        ViewData["ConcurrencyConflict"] = true;
        return false;
    }
}
