using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.BudgetFormulation;

/// 評価の効き目 of one evaluation year as the 財政課 published it: a snapshot of every row (部 and verdict, in the
/// words of the day), so that no later change to budgets, requests, stages or evaluations changes what citizens read.
/// A corrected report is a new edition beside the old ones, with its reason; nothing published is overwritten.
[DataArea(DataArea.Publishing)]
public sealed class EffectPublication : IAudited
{
    public int Id { get; set; }
    /// The evaluation year N (EvaluationYears): the year the verdicts were given, whose 当初予算 is the base the report
    /// traces them from into N+1's budget.
    [Display(Name = "評価を行った年度")]
    public int FiscalYear { get; set; }
    /// The year the verdicts' evaluations covered (ProjectEvaluation.FiscalYear, 対象年度): N−1. Null in editions
    /// published before the years were put right (round 9), which took the verdicts of FiscalYear itself — evaluations
    /// carried out in N+1 — against the same budgets; they keep that meaning, and say so (Traced).
    [Display(Name = "評価の対象年度")]
    public int? Evaluated { get; set; }
    [Display(Name = "版")]
    public int Edition { get; set; }
    [Display(Name = "公表日時")]
    public DateTime PublishedAt { get; set; }
    [Display(Name = "公表者")]
    public string PublishedBy { get; set; } = "";
    /// Why a later edition replaces the earlier one as the current report (null for the first).
    [Display(Name = "改めて公表した理由")]
    public string? Correction { get; set; }
    public List<EffectPublicationRow> Rows { get; set; } = [];

    /// The ProjectEvaluation.FiscalYear whose verdicts this edition counted.
    public int VerdictsOf => Evaluated ?? FiscalYear;

    /// What this edition compared, in words: 「令和7年度に行った評価（令和6年度の事業が対象）→ 令和7年度当初予算から令和8年度へ」.
    public string Traced => EvaluationYears.Trace(VerdictsOf, FiscalYear);

    /// Whether the edition was published under the years before round 9 (verdicts given after the base budget's year).
    public bool EarlierYears => VerdictsOf != new EvaluationYears(FiscalYear).Evaluated;

    public AuditTarget AuditTarget => new(nameof(EffectPublication), Id, $"{Wareki.FiscalYear(FiscalYear)}に行った評価の効き目 第{Edition}版");
}

public enum EffectRowKind
{
    /// The city by verdict.
    City = 1,
    /// A 部 by verdict.
    Department = 2,
    /// The city's total.
    Total = 3,
}

/// One published row, its figures in yen as the report had them when published.
[DataArea(DataArea.Publishing)]
public sealed class EffectPublicationRow
{
    public int Id { get; set; }
    public int EffectPublicationId { get; set; }
    public int SortOrder { get; set; }
    public EffectRowKind Kind { get; set; }
    /// The 部's name as it was (null for the city's rows).
    public string? Department { get; set; }
    /// The verdict in the city's words as they were (「評価なし」 for projects without a published verdict, 「計」 for the total).
    public string Verdict { get; set; } = "";
    /// The verdict's code (Expand, Continue …), null for none and the total.
    public Direction? VerdictCode { get; set; }
    public int Projects { get; set; }
    public long Base { get; set; }
    public long? Requested { get; set; }
    public long? Assessed { get; set; }
    public long? Initial { get; set; }
    public long? Settled { get; set; }
    public long? RequestedGeneral { get; set; }
    public long? AssessedGeneral { get; set; }
    public long? SettledGeneral { get; set; }
    public decimal PersonYears { get; set; }
    public decimal? NextPersonYears { get; set; }
    // What each column was compared with, like with like (EffectBase); null in editions published before round 12,
    // which compared every column with the whole Base and keep showing that.
    public long? RequestedCompared { get; set; }
    public int? RequestedMissing { get; set; }
    public long? RequestedMissingBase { get; set; }
    public long? AssessedCompared { get; set; }
    public int? AssessedMissing { get; set; }
    public long? AssessedMissingBase { get; set; }
    public long? InitialCompared { get; set; }
    public int? InitialMissing { get; set; }
    public long? InitialMissingBase { get; set; }
    public long? SettledCompared { get; set; }
    public int? SettledMissing { get; set; }
    public long? SettledMissingBase { get; set; }
    /// N's 一般財源 (null: N's budget was not formulated here, or an earlier edition).
    public long? BaseGeneral { get; set; }
    public long? RequestedGeneralCompared { get; set; }
    public int? RequestedGeneralMissing { get; set; }
    public long? RequestedGeneralMissingBase { get; set; }
    public long? AssessedGeneralCompared { get; set; }
    public int? AssessedGeneralMissing { get; set; }
    public long? AssessedGeneralMissingBase { get; set; }
    public long? SettledGeneralCompared { get; set; }
    public int? SettledGeneralMissing { get; set; }
    public long? SettledGeneralMissingBase { get; set; }

    /// Whether the edition kept its comparable bases (published from round 12 on).
    public bool LikeWithLike => RequestedCompared is not null;

    private static EffectBase? Compared(long? compared, int? missing, long? missingBase) => compared is long c ? new(c, missing ?? 0, missingBase ?? 0) : null;

    /// The row's figures as the report had them: every place reads its changes and missing counts from these.
    public EffectFigures ToFigures() => new(Projects, Base, Requested, Assessed, Initial, Settled, RequestedGeneral, AssessedGeneral, SettledGeneral, PersonYears, NextPersonYears)
    {
        RequestedBase = Compared(RequestedCompared, RequestedMissing, RequestedMissingBase), AssessedBase = Compared(AssessedCompared, AssessedMissing, AssessedMissingBase),
        InitialBase = Compared(InitialCompared, InitialMissing, InitialMissingBase), SettledBase = Compared(SettledCompared, SettledMissing, SettledMissingBase),
        BaseGeneral = BaseGeneral, RequestedGeneralBase = Compared(RequestedGeneralCompared, RequestedGeneralMissing, RequestedGeneralMissingBase),
        AssessedGeneralBase = Compared(AssessedGeneralCompared, AssessedGeneralMissing, AssessedGeneralMissingBase),
        SettledGeneralBase = Compared(SettledGeneralCompared, SettledGeneralMissing, SettledGeneralMissingBase), LikeWithLike = LikeWithLike,
    };

    /// A row holding these figures (a published row, or a sum of published rows).
    public static EffectPublicationRow Of(EffectRowKind kind, string? department, Direction? code, string verdict, EffectFigures f, int sortOrder = 0) => new()
    {
        SortOrder = sortOrder, Kind = kind, Department = department, Verdict = verdict, VerdictCode = code, Projects = f.Projects, Base = f.Base,
        Requested = f.Requested, Assessed = f.Assessed, Initial = f.Initial, Settled = f.Settled, RequestedGeneral = f.RequestedGeneral,
        AssessedGeneral = f.AssessedGeneral, SettledGeneral = f.SettledGeneral, PersonYears = f.PersonYears, NextPersonYears = f.NextPersonYears,
        RequestedCompared = f.RequestedBase?.Base, RequestedMissing = f.RequestedBase?.Missing, RequestedMissingBase = f.RequestedBase?.MissingBase,
        AssessedCompared = f.AssessedBase?.Base, AssessedMissing = f.AssessedBase?.Missing, AssessedMissingBase = f.AssessedBase?.MissingBase,
        InitialCompared = f.InitialBase?.Base, InitialMissing = f.InitialBase?.Missing, InitialMissingBase = f.InitialBase?.MissingBase,
        SettledCompared = f.SettledBase?.Base, SettledMissing = f.SettledBase?.Missing, SettledMissingBase = f.SettledBase?.MissingBase,
        BaseGeneral = f.BaseGeneral,
        RequestedGeneralCompared = f.RequestedGeneralBase?.Base, RequestedGeneralMissing = f.RequestedGeneralBase?.Missing, RequestedGeneralMissingBase = f.RequestedGeneralBase?.MissingBase,
        AssessedGeneralCompared = f.AssessedGeneralBase?.Base, AssessedGeneralMissing = f.AssessedGeneralBase?.Missing, AssessedGeneralMissingBase = f.AssessedGeneralBase?.MissingBase,
        SettledGeneralCompared = f.SettledGeneralBase?.Base, SettledGeneralMissing = f.SettledGeneralBase?.Missing, SettledGeneralMissingBase = f.SettledGeneralBase?.MissingBase,
    };
}

/// The 財政課's decision to publish: the year, and for a later edition the reason it is published again.
public sealed class EffectPublishForm
{
    public string? Correction { get; set; }
    /// The fingerprint of the rows the confirmation page showed (BudgetShown.Effect): what is published is what was seen.
    public string? Shown { get; set; }
}

public sealed class EffectPublishFormValidator : AbstractValidator<EffectPublishForm>
{
    public EffectPublishFormValidator()
    {
        var max = Data.ModelLengths.Of<EffectPublication>(p => p.Correction);
        RuleFor(f => f.Correction).MaximumLength(max).WithMessage($"理由は{max:N0}文字以内で入力してください。");
    }
}

/// Whether a year's report may be published, and why not: its figures must be settled enough that citizens read
/// the city's decision, not a draft.
public sealed record EffectReadiness(int Year, bool Ready, string Reason, IReadOnlyList<string> Waiting);

/// Publishing 評価の効き目 (the 財政課's) and reading what was published (anyone's, on the public site and open data).
public sealed class EffectPublications(AppDbContext db, BudgetEffect effect, RecordSaver saver) : IUseCase
{
    /// A year is ready when N+1's 予算案 is committed for every 部 with requests — the amounts the council receives —
    /// or, for a budget compiled before 予算編成 was kept here (no round), when N+1's 当初予算 is in the budget table.
    public async Task<EffectReadiness> ReadinessAsync(int year, OrgTree org)
    {
        var next = year + 1;
        var budget = Wareki.FiscalYear(next);
        if (await db.BudgetRounds.AsNoTracking().AnyAsync(r => r.FiscalYear == next))
        {
            var units = await db.BudgetRequests.AsNoTracking().Where(r => r.FiscalYear == next).Select(r => r.OrgUnitId).Distinct().ToListAsync();
            var done = await db.BudgetStageCommits.AsNoTracking().Where(c => c.FiscalYear == next && c.Stage == BudgetStage.Proposal).Select(c => c.DepartmentId).ToListAsync();
            var waiting = units.Select(u => org.DepartmentOf(u)?.Id ?? u).Distinct().Where(d => !done.Contains(d))
                .OrderBy(d => org.Find(d)?.SortOrder ?? 0).Select(d => org.PathName(d)).ToList();
            if (units.Count == 0)
                return new(year, false, $"{budget}予算の要求がまだありません。予算案が確定してから公表できます。", []);
            return waiting.Count > 0
                ? new(year, false, $"{budget}予算の予算案がまだ確定していない部があります（{waiting.Count}部）。要求・査定の額が固まる予算案の確定の後に公表できます。", waiting)
                : new(year, true, $"{budget}予算の予算案が全部で確定しています。要求・査定・当初予算の額は固まっています。", []);
        }
        return await db.BudgetLines.AsNoTracking().AnyAsync(b => b.FiscalYear == next && b.Initial != null)
            ? new(year, true, $"{budget}の当初予算が予算の表に入っています（予算編成はこのシステムの外で行われた年度です）。", [])
            : new(year, false, $"{budget}の当初予算がまだ決まっていません。予算案が確定してから公表できます。", []);
    }

    /// Publishes the year's report as the confirmation page showed it (refused if it changed since); a year already
    /// published is published again only with the reason.
    public async Task<CommandResult> PublishAsync(int year, EffectPublishForm form, string userName, DateTime now, OrgTree org, DirectionCatalog directions)
    {
        var readiness = await ReadinessAsync(year, org);
        if (!readiness.Ready) return CommandResult.Refused(string.Empty, readiness.Reason);
        var editions = await db.EffectPublications.CountAsync(p => p.FiscalYear == year);
        var correction = string.IsNullOrWhiteSpace(form.Correction) ? null : form.Correction.Trim();
        if (editions > 0 && correction is null)
            return CommandResult.Refused(nameof(form.Correction), "この年度はすでに公表しています。改めて公表するときは、その理由（何が変わったか）を書いてください。前の版も公表の履歴に残ります。");
        var max = Data.ModelLengths.Of<EffectPublication>(p => p.Correction);
        if (correction?.Length > max) return CommandResult.Refused(nameof(form.Correction), $"理由は{max:N0}文字以内で入力してください。");
        var rows = Snapshot(await effect.ReportAsync(year, org), org, directions);
        if (!BudgetShown.Same(form.Shown, BudgetShown.Effect(rows))) return CommandResult.Refused(string.Empty, BudgetShown.Changed);
        // An edition is what changed since the last one: the same form posted twice, or a 公表 with nothing changed, would
        // list two editions identical to the yen on the public site.
        if (editions > 0)
        {
            var latest = await db.EffectPublications.AsNoTracking().Where(p => p.FiscalYear == year).OrderByDescending(p => p.Edition).Include(p => p.Rows).FirstAsync();
            if (SameContent(latest.Rows.OrderBy(r => r.SortOrder).ToList(), rows))
                return CommandResult.Refused(string.Empty, $"公表済みの第{latest.Edition}版と内容が同じです（その後、予算・評価の数字は変わっていません）。同じ内容で新しい版は作りません。");
        }
        var publication = new EffectPublication { FiscalYear = year, Evaluated = new EvaluationYears(year).Evaluated, Edition = editions + 1, PublishedAt = now, PublishedBy = userName, Correction = editions > 0 ? correction : null };
        publication.Rows.AddRange(rows);
        db.EffectPublications.Add(publication);
        var saved = await saver.SaveAsync();
        return saved.Succeeded ? CommandResult.Ok(publication.Id) : saved;
    }

    /// Two editions' rows say the same to the yen (and to the 人工; a decimal read back may carry another scale).
    private static bool SameContent(List<EffectPublicationRow> a, List<EffectPublicationRow> b) =>
        a.Count == b.Count && a.Zip(b).All(p =>
            (p.First.Kind, p.First.Department, p.First.Verdict, p.First.VerdictCode, p.First.Projects, p.First.Base, p.First.Requested, p.First.Assessed, p.First.Initial,
                p.First.Settled, p.First.RequestedGeneral, p.First.AssessedGeneral, p.First.SettledGeneral, p.First.PersonYears, p.First.NextPersonYears)
            .Equals((p.Second.Kind, p.Second.Department, p.Second.Verdict, p.Second.VerdictCode, p.Second.Projects, p.Second.Base, p.Second.Requested, p.Second.Assessed,
                p.Second.Initial, p.Second.Settled, p.Second.RequestedGeneral, p.Second.AssessedGeneral, p.Second.SettledGeneral, p.Second.PersonYears, p.Second.NextPersonYears)));

    /// The fingerprint of the rows publishing would store now: what a confirmation page shows and its form carries back.
    public async Task<string> ShownAsync(int year, OrgTree org, DirectionCatalog directions) =>
        BudgetShown.Effect(Snapshot(await effect.ReportAsync(year, org), org, directions));

    /// The report's rows as they will be published: the city by verdict, its total, then each 部 by verdict.
    public static List<EffectPublicationRow> Snapshot(EffectReport report, OrgTree org, DirectionCatalog directions)
    {
        var rows = new List<EffectPublicationRow>();
        void Add(EffectRowKind kind, string? department, Direction? code, string verdict, EffectFigures f) => rows.Add(EffectPublicationRow.Of(kind, department, code, verdict, f, rows.Count + 1));
        string Verdict(Direction? d) => d is Direction v ? directions.Label(v) : NoVerdict;
        foreach (var r in report.CityByVerdict) Add(EffectRowKind.City, null, r.Verdict, Verdict(r.Verdict), r.Figures);
        Add(EffectRowKind.Total, null, null, "計", report.Total);
        foreach (var r in report.Rows) Add(EffectRowKind.Department, r.DepartmentId is int d ? org.Find(d)?.Name ?? "（所属なし）" : "（所属なし）", r.Verdict, Verdict(r.Verdict), r.Figures);
        return rows;
    }

    public const string NoVerdict = "評価なし";

    /// Every edition published, newest year first and, within a year, newest edition first (without rows).
    public Task<List<EffectPublication>> EditionsAsync() =>
        db.EffectPublications.AsNoTracking().OrderByDescending(p => p.FiscalYear).ThenByDescending(p => p.Edition).ToListAsync();

    /// One edition with its rows: the given one, or the year's latest, or the latest year's latest.
    public async Task<EffectPublication?> EditionAsync(int? year, int? edition)
    {
        var query = db.EffectPublications.AsNoTracking().Where(p => year == null || p.FiscalYear == year);
        query = edition is int e ? query.Where(p => p.Edition == e) : query;
        var found = await query.OrderByDescending(p => p.FiscalYear).ThenByDescending(p => p.Edition).Include(p => p.Rows).FirstOrDefaultAsync();
        found?.Rows.Sort((a, b) => a.SortOrder.CompareTo(b.SortOrder));
        return found;
    }

    /// The latest edition of every year (or of the one year given), with rows: what open data serves.
    public async Task<List<EffectPublication>> LatestAsync(int? year, int? edition)
    {
        var all = await db.EffectPublications.AsNoTracking().Include(p => p.Rows).Where(p => year == null || p.FiscalYear == year).ToListAsync();
        var chosen = all.GroupBy(p => p.FiscalYear).Select(g => edition is int e ? g.FirstOrDefault(p => p.Edition == e) : g.MaxBy(p => p.Edition)).OfType<EffectPublication>()
            .OrderBy(p => p.FiscalYear).ToList();
        foreach (var p in chosen) p.Rows.Sort((a, b) => a.SortOrder.CompareTo(b.SortOrder));
        return chosen;
    }

    /// The evaluation years the 財政課 has yet to publish now that they are ready: this year's and last year's
    /// evaluations (a report is ready once the next year's 予算案 is committed).
    public async Task<List<int>> WaitingAsync(int fiscalYear, OrgTree org)
    {
        var published = await db.EffectPublications.AsNoTracking().Where(p => p.FiscalYear >= fiscalYear - 1).Select(p => p.FiscalYear).Distinct().ToListAsync();
        var waiting = new List<int>();
        foreach (var y in new[] { fiscalYear - 1, fiscalYear }.Where(y => !published.Contains(y)))
            if ((await ReadinessAsync(y, org)).Ready) waiting.Add(y);
        return waiting;
    }
}
