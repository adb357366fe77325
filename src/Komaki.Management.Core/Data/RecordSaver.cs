using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.Data;

/// The one way a use case saves: text checked against the model's maximum lengths (SQLite would keep what SQL
/// Server refuses), and edits of versioned records checked against the version the user started from, so the
/// second editor learns who saved first and keeps what they typed.
public sealed class RecordSaver(AppDbContext db) : IUseCase
{
    /// Each added or changed text longer than its column, named as staff read the field.
    public IReadOnlyList<FieldError> LengthErrors()
    {
        var errors = new List<FieldError>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties.Where(p => p.Metadata.ClrType == typeof(string)))
            {
                if (property.Metadata.GetMaxLength() is not int max || property.CurrentValue is not string value || value.Length <= max) continue;
                var name = property.Metadata.Name;
                errors.Add(new FieldError(name, $"{FieldLabels.Of(entry.Metadata.ClrType, name)}は{max:N0}文字以内で入力してください（現在 {value.Length:N0} 文字）。"));
            }
        }
        return errors;
    }

    /// Saves what the use case added or changed, unless a text is too long for its column.
    public async Task<CommandResult> SaveAsync(int? recordId = null)
    {
        var errors = LengthErrors();
        if (errors.Count > 0) return CommandResult.Refused(errors);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (UniqueClash.MessageFor(db.Model, e) is { } clash)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Refused(string.Empty, clash);
        }
        return CommandResult.Ok(recordId);
    }

    /// A write that goes around SaveChanges (set-based statements in its own transaction) is refused the same way when
    /// it runs into a unique index: the index's sentence, nothing written (the transaction is not committed).
    public async Task<CommandResult> GuardAsync(Func<Task<CommandResult>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            return await write();
        }
        catch (DbUpdateException e) when (UniqueClash.MessageFor(db.Model, e) is { } clash)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Refused(string.Empty, clash);
        }
        catch (System.Data.Common.DbException e) when (UniqueClash.MessageFor(db.Model, e) is { } clash)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Refused(string.Empty, clash);
        }
    }

    public Task<CommandResult> SaveEditAsync<T>(T entity, int expectedVersion, AuditTarget target) where T : class, IVersioned =>
        SaveEditsAsync([(entity, expectedVersion)], target);

    /// Saves edits of several versioned records made on one screen: all of them, or none when any was saved by
    /// someone else after the user started.
    public async Task<CommandResult> SaveEditsAsync(IReadOnlyCollection<(IVersioned Entity, int ExpectedVersion)> edits, AuditTarget target)
    {
        var errors = LengthErrors();
        if (errors.Count > 0) return CommandResult.Refused(errors);
        if (edits.All(e => e.Entity.Version == e.ExpectedVersion))
        {
            db.ChangeTracker.DetectChanges();
            // A screen that changes only a record's parts (a sheet's goals, a plan's lines) still edits the record: its
            // version is raised and checked, so a second tab opened before that save is refused, not silently applied.
            var partsChanged = db.ChangeTracker.Entries().Any(x => x.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
            foreach (var (entity, expected) in edits)
            {
                var entry = db.Entry(entity);
                if (entry.State == EntityState.Added) continue;
                if (entry.State == EntityState.Unchanged && partsChanged) entry.Property(nameof(IVersioned.Version)).IsModified = true;
                entry.Property(nameof(IVersioned.Version)).OriginalValue = expected;
            }
            try
            {
                await db.SaveChangesAsync();
                return CommandResult.Ok();
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException e) when (UniqueClash.MessageFor(db.Model, e) is { } clash)
            {
                db.ChangeTracker.Clear();
                return CommandResult.Refused(string.Empty, clash);
            }
        }
        else
        {
            db.ChangeTracker.Clear();
        }
        var stored = FormerNames.StoredAs(target.RecordType);
        var latest = await db.AuditEntries.AsNoTracking()
            .Where(a => stored.Contains(a.RecordType) && a.RecordId == target.RecordId)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync();
        var who = latest is null ? "他の職員" : $"{await PersonAsync(latest.UserName)}（{CityTime.DateTimeText(latest.At)}）";
        return CommandResult.Conflicted(
            $"保存できませんでした。あなたが編集を始めた後に {who} がこの記録を更新しています。" +
            "入力内容はこの画面に残してあります。最新の内容を確認してから、もう一度保存してください。");
    }

    /// The other editor as staff know them elsewhere — 所属 and 氏名 — never by the account's e-mail address.
    private async Task<string> PersonAsync(string userName)
    {
        if (userName == "system") return "取り込み・自動処理";
        var person = await db.Users.AsNoTracking().Where(u => u.UserName == userName)
            .Select(u => new { u.DisplayName, Unit = db.OrgUnits.Where(o => o.Id == u.OrgUnitId).Select(o => o.Name).FirstOrDefault() })
            .FirstOrDefaultAsync();
        if (person is null || string.IsNullOrWhiteSpace(person.DisplayName)) return "他の職員";
        return person.Unit is null ? person.DisplayName : $"{person.Unit} {person.DisplayName}";
    }
}
