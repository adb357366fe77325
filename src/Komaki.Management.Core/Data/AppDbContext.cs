using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Budgets;
using Komaki.Management.Core.CitizenVoice;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Cycle;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Execution;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Implementation;
using Komaki.Management.Core.InternalControl;
using Komaki.Management.Core.Manifesto;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Personnel;
using Komaki.Management.Core.Plans;
using Komaki.Management.Core.Publishing;
using Komaki.Management.Core.Staffing;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Komaki.Management.Core.Data;

/// The one context of the application, Identity included, so each provider has one migrations set.
/// Saving writes the audit trail in the same transaction and bumps concurrency versions.
public class AppDbContext(DbContextOptions<AppDbContext> options, ICurrentActor? actor = null, TimeProvider? time = null)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// Never shown in history: secrets, derived values, and the concurrency machinery itself.
    public static readonly IReadOnlySet<string> NotAudited = new HashSet<string>
    {
        nameof(IVersioned.Version), nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp),
        nameof(IdentityUser.ConcurrencyStamp), nameof(IdentityUser.NormalizedEmail),
        nameof(IdentityUser.NormalizedUserName), nameof(IdentityUser.AccessFailedCount),
    };

    // Japanese stays readable in the stored history.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<ComprehensivePlan> ComprehensivePlans => Set<ComprehensivePlan>();
    public DbSet<BasicPlan> BasicPlans => Set<BasicPlan>();
    public DbSet<Policy> Policies => Set<Policy>();
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<BasicProject> BasicProjects => Set<BasicProject>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<ImplementationPlan> ImplementationPlans => Set<ImplementationPlan>();
    public DbSet<ImplementationPlanLine> ImplementationPlanLines => Set<ImplementationPlanLine>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<ExecutionPlan> ExecutionPlans => Set<ExecutionPlan>();
    public DbSet<ExecutionPlanMonth> ExecutionPlanMonths => Set<ExecutionPlanMonth>();
    public DbSet<ExecutionProgressReport> ExecutionProgressReports => Set<ExecutionProgressReport>();
    public DbSet<MayorTerm> MayorTerms => Set<MayorTerm>();
    public DbSet<ManifestoItem> ManifestoItems => Set<ManifestoItem>();
    public DbSet<ManifestoLink> ManifestoLinks => Set<ManifestoLink>();
    public DbSet<ManifestoProgress> ManifestoProgress => Set<ManifestoProgress>();
    public DbSet<CitizenInput> CitizenInputs => Set<CitizenInput>();
    public DbSet<CitizenInputLink> CitizenInputLinks => Set<CitizenInputLink>();
    public DbSet<SurveyResult> SurveyResults => Set<SurveyResult>();
    public DbSet<OrganizationalGoal> OrganizationalGoals => Set<OrganizationalGoal>();
    public DbSet<GoalLink> GoalLinks => Set<GoalLink>();
    public DbSet<GoalIndicator> GoalIndicators => Set<GoalIndicator>();
    public DbSet<GoalStep> GoalSteps => Set<GoalStep>();
    public DbSet<GoalEvent> GoalEvents => Set<GoalEvent>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<StaffAssignment> StaffAssignments => Set<StaffAssignment>();
    public DbSet<PersonnelDesign> PersonnelDesigns => Set<PersonnelDesign>();
    public DbSet<PersonnelEvaluation> PersonnelEvaluations => Set<PersonnelEvaluation>();
    public DbSet<PerformanceGoal> PerformanceGoals => Set<PerformanceGoal>();
    public DbSet<PersonnelRead> PersonnelReads => Set<PersonnelRead>();
    public DbSet<ControlPolicy> ControlPolicies => Set<ControlPolicy>();
    public DbSet<ControlYear> ControlYears => Set<ControlYear>();
    public DbSet<ControlRisk> ControlRisks => Set<ControlRisk>();
    public DbSet<ControlDeficiency> ControlDeficiencies => Set<ControlDeficiency>();
    public DbSet<ControlChase> ControlChases => Set<ControlChase>();
    public DbSet<ProcessingError> ProcessingErrors => Set<ProcessingError>();
    public DbSet<StaffingYear> StaffingYears => Set<StaffingYear>();
    public DbSet<StaffingLine> StaffingLines => Set<StaffingLine>();
    public DbSet<BudgetFormulation.BudgetRound> BudgetRounds => Set<BudgetFormulation.BudgetRound>();
    public DbSet<BudgetFormulation.BudgetRequest> BudgetRequests => Set<BudgetFormulation.BudgetRequest>();
    public DbSet<BudgetFormulation.BudgetStageEntry> BudgetStageEntries => Set<BudgetFormulation.BudgetStageEntry>();
    public DbSet<BudgetFormulation.BudgetStageCommit> BudgetStageCommits => Set<BudgetFormulation.BudgetStageCommit>();
    public DbSet<BudgetFormulation.BudgetRestoration> BudgetRestorations => Set<BudgetFormulation.BudgetRestoration>();
    public DbSet<Staffing.StaffingTableEdition> StaffingTableEditions => Set<Staffing.StaffingTableEdition>();
    public DbSet<BudgetFormulation.EffectPublication> EffectPublications => Set<BudgetFormulation.EffectPublication>();
    public DbSet<ProjectEvaluation> ProjectEvaluations => Set<ProjectEvaluation>();
    public DbSet<ImprovementAction> ImprovementActions => Set<ImprovementAction>();
    public DbSet<MeasureEvaluation> MeasureEvaluations => Set<MeasureEvaluation>();
    public DbSet<ExternalReview> ExternalReviews => Set<ExternalReview>();
    public DbSet<ExternalReviewProject> ExternalReviewProjects => Set<ExternalReviewProject>();
    public DbSet<ExternalReviewer> ExternalReviewers => Set<ExternalReviewer>();
    public DbSet<ReviewerVerdict> ReviewerVerdicts => Set<ReviewerVerdict>();
    public DbSet<CycleDeadline> CycleDeadlines => Set<CycleDeadline>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<JudgmentBand> JudgmentBands => Set<JudgmentBand>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<Reports.ResultsSubmission> ResultsSubmissions => Set<Reports.ResultsSubmission>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Importing.LabelMapping> LabelMappings => Set<Importing.LabelMapping>();
    public DbSet<Importing.UnitNameMapping> UnitNameMappings => Set<Importing.UnitNameMapping>();
    public DbSet<Importing.ImportLog> ImportLogs => Set<Importing.ImportLog>();
    public DbSet<Importing.StagedImport> StagedImports => Set<Importing.StagedImport>();
    public DbSet<DirectionChoice> DirectionChoices => Set<DirectionChoice>();
    public DbSet<DataVersionRow> DataVersions => Set<DataVersionRow>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();
    public DbSet<DirectoryRoleMapping> DirectoryRoleMappings => Set<DirectoryRoleMapping>();
    public DbSet<SignInRecord> SignInRecords => Set<SignInRecord>();
    /// The keys that protect cookies and antiforgery tokens, shared by every app server and kept across restarts.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// The time audit entries are stamped with and writes read "now" from: the injected clock (ADR 0013), so a test
    /// with a FakeTimeProvider knows the time every record is written at.
    public DateTime UtcNow => (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;

    /// Raised when a write raised the version of an area (this request's read models start over).
    public event Action? VersionsBumped;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.Entity<AppUser>().HasIndex(u => u.NormalizedUserName).RefusedAs("このメールアドレスのアカウントはすでにあります。");
        builder.Entity<IdentityRole>().HasIndex(r => r.NormalizedName).RefusedAs("この名前の役割はすでにあります。");
        // A versioned record's Version is its concurrency token (ADR 0003), whichever entity it is.
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    /// What an audited record says about where its history is filed is not stored; a text column's length that follows
    /// from what it holds is stated once (ColumnMeaningsConvention).
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.IgnoreAny<AuditTarget>();
        configurationBuilder.Conventions.Add(_ => new ColumnMeaningsConvention());
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        await GuardPublishedActualsAsync(cancellationToken);
        await GuardPublishedCorrectionsAsync(cancellationToken);
        foreach (var e in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            e.Entity.Version++;
        }
        var pending = CaptureAudit();
        var areas = ChangedAreas();
        var indicatorYearsFrom = areas.Contains(DataArea.Indicators) ? IndicatorYearsFrom() : int.MaxValue;
        if (pending.Count == 0 && areas.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // The audit rows need the ids of records that are new, so they are written after the change, and the areas'
        // versions are raised with them, inside the same transaction: all of it lands or none does.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (pending.Count > 0)
            {
                var now = UtcNow;
                foreach (var p in pending)
                {
                    var target = p.Entry.Entity is IAudited a ? a.AuditTarget : default;
                    AuditEntries.Add(new AuditEntry
                    {
                        At = now,
                        UserName = actor?.Name ?? "system",
                        RecordType = target.RecordType,
                        RecordId = target.RecordId,
                        Detail = target.Detail,
                        EntityType = p.Entry.Metadata.ClrType.Name,
                        Action = p.Action,
                        ChangesJson = JsonSerializer.Serialize(p.Action == AuditAction.Created ? Snapshot(p.Entry) : p.Changes, JsonOptions),
                    });
                }
                await base.SaveChangesAsync(true, cancellationToken);
            }
            if (areas.Count > 0) await RaiseVersionsAsync(areas, indicatorYearsFrom, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// The years whose indicator actuals are published: the rule below applies to them, whichever feature asks.
    public IQueryable<int> PublishedActualYears =>
        Publications.AsNoTracking().Where(p => p.Kind == Publishing.PublicationKind.IndicatorActuals).Select(p => p.FiscalYear);

    /// A published actual changes only as a correction that carries its reason and time, whichever door the change
    /// comes through — the screen, an import or the command line. The doors check first and say so beside the field or
    /// the row; this is the rule itself.
    private async Task GuardPublishedActualsAsync(CancellationToken ct)
    {
        var changed = ChangeTracker.Entries<Plans.IndicatorValue>()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted && e.Property(v => v.Actual).OriginalValue is decimal before
                && (e.State == EntityState.Deleted || before != e.Entity.Actual))
            .ToList();
        if (changed.Count == 0) return;
        var years = changed.Select(e => e.Entity.FiscalYear).Distinct().ToList();
        var published = await PublishedActualYears.Where(y => years.Contains(y)).ToListAsync(ct);
        var unexplained = changed.Where(e => published.Contains(e.Entity.FiscalYear)
            && (e.State == EntityState.Deleted || string.IsNullOrWhiteSpace(e.Entity.CorrectionReason) || !e.Property(v => v.CorrectedAt).IsModified)).ToList();
        if (unexplained.Count > 0) throw new Plans.PublishedActualChangeException(unexplained.Select(e => e.Entity.FiscalYear).Distinct().ToList());
        // The first correction keeps the value as published; later ones keep it too.
        foreach (var e in changed.Where(e => published.Contains(e.Entity.FiscalYear))) e.Entity.PublishedActual ??= e.Property(v => v.Actual).OriginalValue;
    }

    /// What citizens see of a record of a published year changes only as a 訂正 (PublishedCorrections), whichever door
    /// the change comes through; what was published is kept beside it.
    private async Task GuardPublishedCorrectionsAsync(CancellationToken ct)
    {
        var changed = ChangeTracker.Entries<ICorrectable>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted || e.State == EntityState.Modified && AsItWas(e) != e.Entity.PublicText())
            .ToList();
        if (changed.Count == 0) return;
        var years = changed.Select(e => e.Entity).OfType<IPublishedByYear>().Select(r => r.FiscalYear).Distinct().ToList();
        var published = years.Count == 0 ? [] : (await Publications.AsNoTracking().Where(p => years.Contains(p.FiscalYear)).Select(p => new { p.Kind, p.FiscalYear }).ToListAsync(ct))
            .Select(p => (p.Kind, p.FiscalYear)).ToHashSet();
        var inPublished = changed.Where(e => WasPublished(e, published)).ToList();
        var unexplained = inPublished.Where(e => e.State == EntityState.Deleted || string.IsNullOrWhiteSpace(e.Entity.CorrectionReason) || e.Entity.CorrectedAt is null
            || e.State == EntityState.Modified && !e.Property(x => x.CorrectedAt).IsModified).ToList();
        if (unexplained.Count > 0)
            throw new PublishedChangeException(unexplained.Select(e => PublishedName(e.Entity)).Distinct().ToList());
        foreach (var e in inPublished.Where(e => e.Entity.AsPublished is null)) e.Entity.KeepAsPublished(e.State == EntityState.Added ? null : Original(e));
    }

    /// Public before this change: a record published on its own by its mark as it was read, one published by year by its year's publication.
    private static bool WasPublished(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<ICorrectable> e, HashSet<(PublicationKind, int)> published) => e.Entity switch
    {
        IPublishedOnItsOwn own => e.State != EntityState.Added && ((IPublishedOnItsOwn)Original(e)).IsPublished && own.IsPublished,
        IPublishedByYear r => published.Contains((PublishedCorrections.KindOf[e.Entity.GetType()], r.FiscalYear)),
        _ => false,
    };

    private static string PublishedName(ICorrectable record) => record is IPublishedByYear r
        ? $"{Wareki.FiscalYear(r.FiscalYear)}の{PublishedCorrections.KindOf[record.GetType()].Label()}"
        : ((IPublishedOnItsOwn)record).PublishedName;

    private static ICorrectable Original(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<ICorrectable> e) => (ICorrectable)e.OriginalValues.ToObject();

    private static string AsItWas(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<ICorrectable> e) => Original(e).PublicText();

    private List<string> ChangedAreas() => ChangeTracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Deleted || e.State == EntityState.Modified && !OnlyAccountState(e))
        .Select(e => DataArea.Of(e.Metadata.ClrType)).OfType<string>().Distinct().ToList();

    /// What read models show of an account: its name, unit and whether it is active. Identity's own counters (failed
    /// sign-ins, lockout, stamps, the password) raise no version: a failed sign-in of an existing account must leave
    /// every cache — the public pages' included — as an unknown account's does.
    private static readonly HashSet<string> AccountShown =
        [nameof(AppUser.DisplayName), nameof(AppUser.OrgUnitId), nameof(AppUser.IsActive), nameof(AppUser.Email), nameof(AppUser.UserName)];

    private static bool OnlyAccountState(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry e) =>
        // Identity's store marks every property modified (Update), so the values are compared.
        e.Entity is AppUser && !e.Properties.Any(p => p.IsModified && AccountShown.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue));

    /// The earliest year of the indicator values this write adds, changes or deletes, when it changes nothing else of
    /// the Indicators area; the first year there is when it changes an indicator itself (every year's report shows it).
    private int IndicatorYearsFrom()
    {
        var from = int.MaxValue;
        foreach (var e in ChangeTracker.Entries())
        {
            if (!(e.State is EntityState.Added or EntityState.Deleted || e.State == EntityState.Modified && !OnlyAccountState(e))
                || DataArea.Of(e.Metadata.ClrType) != DataArea.Indicators) continue;
            if (e.Entity is not Plans.IndicatorValue value)
            {
                // The values' page saves its indicator too (every column marked, to check and raise its Version):
                // only a column whose value changed is a change to the indicator itself.
                if (e.State == EntityState.Modified && e.Properties.All(p => !p.IsModified || p.Metadata.Name == nameof(IVersioned.Version) || Equals(p.OriginalValue, p.CurrentValue))) continue;
                return 0;
            }
            from = Math.Min(from, value.FiscalYear);
            if (e.State != EntityState.Added) from = Math.Min(from, (int)e.Property(nameof(Plans.IndicatorValue.FiscalYear)).OriginalValue!);
        }
        return from;
    }

    /// Raises the versions of the areas a write touched; writes that go around change tracking (bulk inserts,
    /// ExecuteUpdate) call it themselves, in their transaction. A write to the Indicators area raises every year's
    /// DataArea.IndicatorsUpTo with it.
    public Task RaiseVersionsAsync(IReadOnlyCollection<string> areas, CancellationToken ct = default) => RaiseVersionsAsync(areas, 0, ct);

    /// indicatorYearsFrom: the earliest year whose DataArea.IndicatorsUpTo the write changes (values of later years
    /// only leave the earlier years' reports as they were).
    private async Task RaiseVersionsAsync(IReadOnlyCollection<string> areas, int indicatorYearsFrom, CancellationToken ct)
    {
        var upTo = areas.Contains(DataArea.Indicators);
        var prefix = DataArea.IndicatorsUpToPrefix;
        var first = DataArea.IndicatorsUpTo(Math.Clamp(indicatorYearsFrom, 0, 9999));
        // The years' rows compare as text in SQL ("indicators-to:2025" ≥ "indicators-to:2024"), four digits each.
#pragma warning disable CA1309 // translated to SQL, where the column's own comparison applies
        await DataVersions.Where(v => areas.Contains(v.Area) || upTo && v.Area.StartsWith(prefix) && string.Compare(v.Area, first) >= 0)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), ct);
#pragma warning restore CA1309
        VersionsBumped?.Invoke();
    }

    private sealed record PendingAudit(EntityEntry Entry, AuditAction Action, List<FieldChange> Changes);

    private List<PendingAudit> CaptureAudit()
    {
        var result = new List<PendingAudit>();
        foreach (var e in ChangeTracker.Entries().Where(e => e.Entity is IAudited))
        {
            switch (e.State)
            {
                case EntityState.Added:
                    result.Add(new(e, AuditAction.Created, []));
                    break;
                case EntityState.Deleted:
                    result.Add(new(e, AuditAction.Deleted, Snapshot(e, original: true)));
                    break;
                case EntityState.Modified:
                    var changes = Values(e)
                        .Where(p => p.IsModified && !NotAudited.Contains(p.Metadata.Name))
                        .Select(p => new FieldChange(p.Metadata.Name, Format(p.OriginalValue), Format(p.CurrentValue)))
                        .Where(c => c.Old != c.New)
                        .ToList();
                    if (changes.Count > 0) result.Add(new(e, AuditAction.Updated, changes));
                    break;
            }
        }
        return result;
    }

    /// The entry's own values and those of its complex properties (a 財源内訳's parts), each under its own name.
    private static IEnumerable<Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry> Values(EntityEntry e) =>
        e.Properties.Concat(e.ComplexProperties.SelectMany(c => c.Properties));

    private static List<FieldChange> Snapshot(EntityEntry e, bool original = false) =>
        Values(e)
            .Where(p => !NotAudited.Contains(p.Metadata.Name) && !p.Metadata.IsPrimaryKey())
            .Select(p => original
                ? new FieldChange(p.Metadata.Name, Format(p.OriginalValue), null)
                : new FieldChange(p.Metadata.Name, null, Format(p.CurrentValue)))
            .Where(c => c.Old is not null || c.New is not null)
            .ToList();

    /// Inserts many new records at once — imports of thousands of rows — with the same audit entries
    /// SaveChanges would write, in the current transaction. Records are not tracked afterwards.
    public async Task BulkInsertAsync<T>(IReadOnlyCollection<T> entities, CancellationToken ct = default) where T : class, IAudited
    {
        if (entities.Count == 0) return;
        var audit = CreatedEntries(entities);
        await BulkInsert.RunAsync(this, entities, ct);
        await BulkInsert.RunAsync(this, audit, ct);
        if (DataArea.Of(typeof(T)) is string area) await RaiseVersionsAsync([area], ct);
    }

    /// The history of records a set-based write changed around change tracking (BulkInsert, ExecuteUpdate), once
    /// their keys are known: the entries SaveChanges would write — Created with every audited value, Updated with the
    /// fields that changed, old → new — in the current transaction, and the records' areas raised.
    internal async Task AuditWrittenAsync<T>(IReadOnlyCollection<T> created, IReadOnlyCollection<(T Entity, IReadOnlyList<(string Field, object? Old, object? New)> Changes)> updated,
        CancellationToken ct = default) where T : class, IAudited
    {
        var now = UtcNow;
        var audit = CreatedEntries(created);
        audit.AddRange(updated.Select(u => Entry(u.Entity.AuditTarget, typeof(T).Name, AuditAction.Updated,
            u.Changes.Select(c => new FieldChange(c.Field, Format(c.Old), Format(c.New))).Where(c => c.Old != c.New).ToList(), now)).Where(e => e.ChangesJson != "[]"));
        await BulkInsert.RunAsync(this, audit, ct);
        if (created.Count + updated.Count > 0 && DataArea.Of(typeof(T)) is string area) await RaiseVersionsAsync([area], ct);
    }

    private List<AuditEntry> CreatedEntries<T>(IReadOnlyCollection<T> entities) where T : class, IAudited
    {
        var type = Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var audited = type.GetFlattenedProperties().Where(p => !NotAudited.Contains(p.Name) && !p.IsPrimaryKey()).ToList();
        var now = UtcNow;
        return entities.Select(entity => Entry(entity.AuditTarget, typeof(T).Name, AuditAction.Created,
            audited.Select(p => new FieldChange(p.Name, null, Format(p.GetGetter().GetClrValueUsingContainingEntity(entity)))).Where(c => c.New is not null).ToList(), now)).ToList();
    }

    private AuditEntry Entry(AuditTarget target, string entityType, AuditAction action, List<FieldChange> changes, DateTime at) => new()
    {
        At = at, UserName = actor?.Name ?? "system", RecordType = target.RecordType, RecordId = target.RecordId,
        Detail = target.Detail, EntityType = entityType, Action = action, ChangesJson = JsonSerializer.Serialize(changes, JsonOptions),
    };

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "はい" : "いいえ",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
