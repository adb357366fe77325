using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Evaluation;


public sealed record ExternalReviewProjectView(ExternalReviewProject Item, string Code, string Name, string Measure, long? Settled, Direction? EvaluationDirection, ReviewerVerdict? Mine,
    IReadOnlyList<(ReviewerVerdict Verdict, string Reviewer, string Kind)> Results);

public sealed record ExternalReviewDetails(ExternalReview Session, IReadOnlyList<ExternalReviewProjectView> Projects, IReadOnlyList<(string Name, string Kind, int Entered)> Reviewers,
    bool IsReviewer, bool IsPlanning);

/// Reads of 外部評価 (行政評価市民公開フォーラム): sessions a person may see, one session with what each reader may see
/// of the verdicts, and the people who can be reviewers.
public sealed class ExternalReviewPages(AppDbContext db) : IUseCase
{
    public static bool IsStaff(Actor actor) => actor.RoleNames.Any(r => r != Roles.ExternalReviewer);

    /// The evaluation sheets behind the forum are the city's working papers: the audit committee, which reviews the
    /// city from outside its line, does not read them through the forum (a reviewer reads those of their session).
    public static bool ReadsSheets(Actor actor) => actor.RoleNames.Any(r => r != Roles.ExternalReviewer && r != Roles.Auditor);

    public async Task<List<ExternalReview>> SessionsAsync(Actor actor, string userId)
    {
        var sessions = db.ExternalReviews.AsNoTracking().Include(s => s.Projects).Include(s => s.Reviewers).AsQueryable();
        if (!IsStaff(actor)) sessions = sessions.Where(s => s.Reviewers.Any(r => r.UserId == userId));
        return await sessions.OrderByDescending(s => s.HeldOn).ToListAsync();
    }

    public async Task<ExternalReview?> LoadAsync(int id, bool track = false)
    {
        var q = db.ExternalReviews.Include(s => s.Reviewers).Include(s => s.Projects).ThenInclude(p => p.Verdicts)
            .Include(s => s.Projects).ThenInclude(p => p.Project).ThenInclude(p => p!.Measure).AsSplitQuery();
        return await (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(s => s.Id == id);
    }

    public async Task<List<AppUser>> CandidatesAsync()
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.ExternalReviewer).Select(r => r.Id).FirstAsync();
        return await db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId)).OrderBy(u => u.DisplayName).ToListAsync();
    }

    /// Before the session closes nobody sees the verdicts of others: reviewers see their own, planning sees how many.
    public async Task<ExternalReviewDetails> DetailsAsync(ExternalReview s, string userId, bool isReviewer, bool isPlanning)
    {
        var projectIds = s.Projects.Select(p => p.ProjectId).ToList();
        var settled = await db.BudgetLines.AsNoTracking().Where(b => b.FiscalYear == s.FiscalYear && projectIds.Contains(b.ProjectId)).ToDictionaryAsync(b => b.ProjectId, b => b.Settled);
        var directions = await db.ProjectEvaluations.AsNoTracking().Where(e => e.FiscalYear == s.FiscalYear && projectIds.Contains(e.ProjectId) && e.State == EvaluationState.Published)
            .ToDictionaryAsync(e => e.ProjectId, e => e.SecondDirection ?? e.FirstDirection);
        var reviewerIds = s.Reviewers.Select(r => r.UserId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => reviewerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var kinds = s.Reviewers.ToDictionary(r => r.UserId, r => r.Kind);
        var projects = s.Projects.OrderBy(p => p.Project!.Code).Select(p => new ExternalReviewProjectView(p, p.Project!.Code, p.Project.Name, p.Project.Measure!.Name,
            settled.GetValueOrDefault(p.ProjectId), directions.GetValueOrDefault(p.ProjectId), p.Verdicts.FirstOrDefault(v => v.ReviewerUserId == userId),
            s.IsClosed ? p.Verdicts.Select(v => (v, names.GetValueOrDefault(v.ReviewerUserId, ""), kinds.GetValueOrDefault(v.ReviewerUserId, ""))).ToList() : [])).ToList();
        var reviewers = s.Reviewers.Select(r => (names.GetValueOrDefault(r.UserId, ""), r.Kind, s.Projects.Count(p => p.Verdicts.Any(v => v.ReviewerUserId == r.UserId)))).ToList();
        return new ExternalReviewDetails(s, projects, reviewers, isReviewer, isPlanning);
    }

    /// What closing the session now would leave incomplete: each reviewer with projects not judged (by name) and each
    /// project without any verdict (it closes with no result and opens no improvement).
    public async Task<IReadOnlyList<string>> MissingForCloseAsync(ExternalReview s)
    {
        var reviewerIds = s.Reviewers.Select(r => r.UserId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => reviewerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        return MissingForClose(s, names);
    }

    public static IReadOnlyList<string> MissingForClose(ExternalReview s, IReadOnlyDictionary<string, string> names)
    {
        var missing = new List<string>();
        var projects = s.Projects.OrderBy(p => p.Project?.Code, StringComparer.Ordinal).ToList();
        foreach (var r in s.Reviewers)
        {
            var open = projects.Where(p => p.Verdicts.All(v => v.ReviewerUserId != r.UserId)).ToList();
            if (open.Count > 0)
                missing.Add($"{names.GetValueOrDefault(r.UserId, "（委員）")}（{r.Kind}）が未評価: {string.Join("、", open.Select(p => p.Project?.Code ?? p.ProjectId.ToString(CultureInfo.InvariantCulture)))}（{open.Count}件）");
        }
        foreach (var p in projects.Where(p => p.Verdicts.Count == 0))
            missing.Add($"{p.Project?.Code} {p.Project?.Name}: 評価した委員がいないため、結果なしで終了し、改善の取組も登録されません。");
        return missing;
    }

    /// What the confirmation page of closing a session says will happen.
    public static IReadOnlyList<string> CloseConsequences(ExternalReview session)
    {
        var results = session.Projects.Count(p => ExternalReviewResults.Result(p.Verdicts) is not null);
        var complete = session.Reviewers.Count(r => session.Projects.All(p => p.Verdicts.Any(v => v.ReviewerUserId == r.UserId)));
        return
        [
            "委員の評価が確定し、以後は委員も企画担当も変更できません。",
            $"会の結果が公開サイトに載ります。結果の出た {results} 件の事業は、改善の取組として改善の進行管理に登録されます。",
            $"全事業を入力済みの委員 {complete}／{session.Reviewers.Count} 人。評価を入力していない委員がいるときは、このまま終了する理由を記録します。",
        ];
    }
}
