using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Reports;
using Komaki.Management.Core.Staffing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Komaki.Management.IntegrationTests.Shared;

/// Every "only one … per …" of the domain is a unique index, not only a check in code (issue 31: five 復活要求 posted at
/// once stored two, each checked against the cut alone), and a clash on one reads as the domain's sentence beside the
/// form, declared next to the index — never an error page (four 復活査定 commits at once: three HTTP 500).
public class UniqueIndexTests
{
    private static AppDbContext Context()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Database.Configure(options, DatabaseProvider.Sqlite, "Data Source=:memory:");
        return new AppDbContext(options.Options);
    }

    /// A new unique index without its sentence fails here: its clash would read as a generic refusal at best.
    [Fact]
    public void Every_unique_index_declares_the_sentence_a_clash_reads()
    {
        using var db = Context();
        var unique = db.Model.GetEntityTypes().SelectMany(t => t.GetIndexes().Where(i => i.IsUnique).Select(i => (Type: t, Index: i))).ToList();
        Assert.True(unique.Count >= 40, $"{unique.Count} unique indexes");
        var missing = unique.Where(u => UniqueClash.MessageOf(u.Index) is not { Length: > 0 } m || !m.EndsWith('。') || m.All(char.IsAscii))
            .Select(u => $"{u.Type.ClrType.Name}({string.Join(", ", u.Index.Properties.Select(p => p.Name))})").Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "no Japanese sentence (.RefusedAs) for the unique index of: " + string.Join("; ", missing));
    }

    /// The one-per rules the commands state (their 「すでに」「確定済」「二つ送られました」 refusals), each held by the database too.
    public static TheoryData<Type, string[], string> OnePerRules() => new()
    {
        { typeof(BudgetRestoration), [nameof(BudgetRestoration.BudgetRequestId)], "復活要求はすでに出されています（一つの事業に一つ）" },
        { typeof(BudgetStageCommit), [nameof(BudgetStageCommit.FiscalYear), nameof(BudgetStageCommit.Stage), nameof(BudgetStageCommit.DepartmentId)], "…の…は確定済です（部の段階の確定は一度）" },
        { typeof(BudgetStageEntry), [nameof(BudgetStageEntry.BudgetRequestId), nameof(BudgetStageEntry.Stage)], "一つの要求に段階ごとの額は一つ" },
        { typeof(BudgetRequest), [nameof(BudgetRequest.FiscalYear), nameof(BudgetRequest.ProjectId)], "一つの事業に年度の要求は一つ" },
        { typeof(BudgetRoundStage), [nameof(BudgetRoundStage.BudgetRoundId), nameof(BudgetRoundStage.Stage)], "一つの段階に期限は一つです" },
        { typeof(BudgetFrame), [nameof(BudgetFrame.BudgetRoundId), nameof(BudgetFrame.DepartmentId)], "一つの部に枠は一つです" },
        { typeof(BudgetRequestSetsu), [nameof(BudgetRequestSetsu.BudgetRequestId), nameof(BudgetRequestSetsu.Setsu)], "一つの節に金額は一つです" },
        { typeof(BudgetRound), [nameof(BudgetRound.FiscalYear)], "一つの年度に予算編成方針は一つ" },
        { typeof(EffectPublication), [nameof(EffectPublication.FiscalYear), nameof(EffectPublication.Edition)], "この年度はすでに公表しています（版は一度ずつ）" },
        { typeof(ResultsSubmission), [nameof(ResultsSubmission.FiscalYear), nameof(ResultsSubmission.Edition)], "提出済みの説明書（版は一度ずつ）" },
        { typeof(StaffingLine), [nameof(StaffingLine.FiscalYear), nameof(StaffingLine.OrgUnitId), nameof(StaffingLine.JobType), nameof(StaffingLine.Employment)], "同じ職種・任用形態の行がすでにあります" },
        { typeof(DirectoryRoleMapping), [nameof(DirectoryRoleMapping.Key), nameof(DirectoryRoleMapping.Role)], "「…」はすでに…に対応付けられています" },
    };

    [Theory]
    [MemberData(nameof(OnePerRules))]
    public void Every_one_per_rule_of_the_domain_is_a_unique_index(Type entity, string[] columns, string rule)
    {
        using var db = Context();
        var type = db.Model.FindEntityType(entity);
        Assert.NotNull(type);
        Assert.True(type.GetIndexes().Any(i => i.IsUnique && i.Properties.Select(p => p.Name).SequenceEqual(columns)),
            $"{rule}: no unique index on {entity.Name}({string.Join(", ", columns)})");
    }

    /// The sentence is found from either provider's refusal, for the exact index — not one whose columns begin alike.
    [Fact]
    public void A_clash_reported_by_either_database_reads_as_the_sentence_of_its_index()
    {
        using var db = Context();
        static Exception Sqlite(string detail) => new DbUpdateException("An error occurred while saving the entity changes.", new SqliteException($"SQLite Error 19: '{detail}'.", 19));
        Assert.Equal(BudgetFormulationCommands.RestorationAlreadyMade, UniqueClash.MessageFor(db.Model, Sqlite("UNIQUE constraint failed: BudgetRestorations.BudgetRequestId")));
        Assert.Contains("確定済", UniqueClash.MessageFor(db.Model, Sqlite("UNIQUE constraint failed: BudgetStageCommits.FiscalYear, BudgetStageCommits.Stage, BudgetStageCommits.DepartmentId")));
        Assert.Contains("この段階の額はすでに記録されています", UniqueClash.MessageFor(db.Model, Sqlite("UNIQUE constraint failed: BudgetStageEntries.BudgetRequestId, BudgetStageEntries.Stage")));
        // A set-based write (BulkInsert) fails with the provider's exception itself, not wrapped.
        Assert.Contains("確定済", UniqueClash.MessageFor(db.Model, new SqliteException("SQLite Error 19: 'UNIQUE constraint failed: BudgetStageCommits.FiscalYear, BudgetStageCommits.Stage, BudgetStageCommits.DepartmentId'.", 19)));
        Assert.Equal(BudgetFormulationCommands.RestorationAlreadyMade, UniqueClash.MessageFor(db.Model, new DbUpdateException(
            "Cannot insert duplicate key row in object 'dbo.BudgetRestorations' with unique index 'IX_BudgetRestorations_BudgetRequestId'. The duplicate key value is (9).")));
        Assert.Null(UniqueClash.MessageFor(db.Model, Sqlite("FOREIGN KEY constraint failed")));
        Assert.Null(UniqueClash.MessageFor(db.Model, new InvalidOperationException("UNIQUE constraint failed: BudgetRestorations.BudgetRequestId")));
    }
}
