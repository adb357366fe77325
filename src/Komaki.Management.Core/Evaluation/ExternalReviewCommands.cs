using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Evaluation;

/// 外部評価's commands: a reviewer's verdicts, closing a session (which opens an improvement for each result), the
/// city's response, and a new session.
public sealed class ExternalReviewCommands(AppDbContext db, RecordSaver saver, CityClock clock) : IUseCase
{
    private int CommentMax => db.Model.FindEntityType(typeof(ReviewerVerdict))!.FindProperty(nameof(ReviewerVerdict.Comment))!.GetMaxLength() ?? 4000;

    /// Every row the reviewer filled is saved together, or — when one is incomplete — none; a wholly blank row is a
    /// project not judged yet and stays as it was. The session is tracked and holds its projects and verdicts.
    public async Task<CommandResult> SaveVerdictsAsync(ExternalReview session, IReadOnlyList<VerdictRow> rows, string reviewerId, DateTime now)
    {
        var result = new CommandResult();
        if (session.IsClosed) result.Add(string.Empty, "この会は終了しているため、評価を変更できません。");
        var byId = session.Projects.ToDictionary(p => p.Id);
        foreach (var r in rows.Where(r => r.Verdict is not null || !string.IsNullOrWhiteSpace(r.Comment)))
        {
            var name = byId[r.ExternalReviewProjectId].Project!.Code;
            if (r.Verdict is not Verdict v || !Enum.IsDefined(v)) result.Add($"verdict-{r.ExternalReviewProjectId}", $"{name}: 評価（拡充・現行どおり・改善・縮小・廃止）を選んでください。");
            if (string.IsNullOrWhiteSpace(r.Comment)) result.Add($"comment-{r.ExternalReviewProjectId}", $"{name}: 評価の理由・意見を入力してください。");
            else if (r.Comment.Trim().Length > CommentMax) result.Add($"comment-{r.ExternalReviewProjectId}", $"{name}: 意見は{CommentMax:N0}文字以内で入力してください（現在 {r.Comment.Trim().Length:N0} 文字）。");
        }
        if (!result.Succeeded) return result;
        foreach (var r in rows.Where(r => r.Verdict is not null))
        {
            var item = byId[r.ExternalReviewProjectId];
            var mine = item.Verdicts.FirstOrDefault(x => x.ReviewerUserId == reviewerId);
            if (mine is null) item.Verdicts.Add(mine = new ReviewerVerdict { ReviewerUserId = reviewerId });
            if (mine.Verdict != r.Verdict || mine.Comment != r.Comment!.Trim()) (mine.Verdict, mine.Comment, mine.At) = (r.Verdict!.Value, r.Comment!.Trim(), now);
        }
        return await saver.SaveAsync();
    }

    /// Closes the session: its verdicts are final and each project with a result gets an improvement action. The
    /// result's record id is how many were opened.
    /// With verdicts missing (ExternalReviewPages.MissingForClose) only with a reason, recorded with what was missing.
    public async Task<CommandResult> CloseAsync(ExternalReview session, int version, DateTime now, IReadOnlyList<string>? missing = null, string? reason = null)
    {
        if (session.IsClosed) return CommandResult.Refused(string.Empty, "この会は既に終了しています。");
        if (missing is { Count: > 0 })
        {
            if (string.IsNullOrWhiteSpace(reason))
                return CommandResult.Refused("Comment", $"評価のそろっていないところが {missing.Count}件あります。このまま終了するときは、その理由を書いてください（記録に残ります）。");
            // The reason is kept whole (CloseForm bounds it); a very long list of what was missing is shortened.
            var because = $"。理由：{reason.Trim()}";
            var what = $"未評価のまま終了: {string.Join("／", missing)}";
            var room = ModelLengths.Of<ExternalReview>(r => r.CloseNote) - because.Length;
            session.CloseNote = (what.Length > room ? what[..Math.Max(0, room - 1)] + "…" : what) + because;
        }
        session.IsClosed = true;
        var opened = 0;
        foreach (var item in session.Projects)
        {
            if (ExternalReviewResults.Result(item.Verdicts) is not Verdict result) continue;
            db.ImprovementActions.Add(ExternalReviewResults.ActionFor(session, item.Project!, result, item.Verdicts.Count, now));
            opened++;
        }
        var saved = await saver.SaveEditAsync(session, version, session.AuditTarget);
        return saved.Succeeded ? saved.WithRecord(opened) : saved;
    }

    public const string PublishedWithoutResponse = "公開サイトに載せている対応方針は空にできません。変えるときは、新しい対応方針と訂正の理由を書いてください。";

    /// Null when the session has no such project. The first response is published as it is saved; a change of a
    /// published one is a 訂正 with its reason, shown beside what was published (PublishedCorrections).
    public async Task<CommandResult?> SaveResponseAsync(int sessionId, ResponseForm form)
    {
        var item = await db.ExternalReviewProjects.Include(p => p.ExternalReview).FirstOrDefaultAsync(p => p.Id == form.ExternalReviewProjectId && p.ExternalReviewId == sessionId);
        if (item is null) return null;
        if (!item.ExternalReview!.IsClosed) return CommandResult.Refused(ResponseForm.Field(item.Id), "対応方針は会の終了後に入力します。");
        var response = string.IsNullOrWhiteSpace(form.Response) ? null : form.Response.Trim();
        if (item.IsPublished && response is null) return CommandResult.Refused(ResponseForm.Field(item.Id), PublishedWithoutResponse);
        var before = item.PublicText();
        item.CityResponse = response;
        if (!item.IsPublished && response is not null) item.ResponsePublishedAt = clock.UtcNow;
        else if (await PublishedCorrections.ApplyAsync(db, item, before, form.CorrectionReason, clock.UtcNow) is { } refused)
            return CommandResult.Refused(ResponseForm.ReasonField(item.Id), refused.Errors[0].Message);
        return await saver.SaveAsync();
    }

    /// A new session of the projects named by code with the chosen reviewers (who must be reviewers: Forbidden otherwise).
    public async Task<(bool Forbidden, CommandResult Result)> CreateAsync(SessionForm form, IReadOnlyList<AppUser> candidates)
    {
        var codes = CodeList.Parse(form.ProjectCodes);
        var projects = await db.Projects.Where(p => codes.Contains(p.Code) && p.RetiredAt == null).ToListAsync();
        var reviewers = form.Reviewers.Where(r => SessionForm.IsReviewerKind(r.Kind)).ToList();
        if (reviewers.Any(r => candidates.All(c => c.Id != r.UserId))) return (true, new CommandResult());
        var result = new CommandResult();
        foreach (var c in codes.Where(c => projects.All(p => p.Code != c))) result.Add(nameof(form.ProjectCodes), $"事業コード「{c}」の事務事業がありません。");
        if (!result.Succeeded) return (false, result);
        var session = new ExternalReview
        {
            FiscalYear = form.FiscalYear, Title = form.Title!.Trim(), HeldOn = DateOnly.Parse(form.HeldOn!, CultureInfo.InvariantCulture), Venue = form.Venue!.Trim(),
            Projects = projects.Select(p => new ExternalReviewProject { ProjectId = p.Id }).ToList(),
            Reviewers = reviewers.Select(r => new ExternalReviewer { UserId = r.UserId!, Kind = r.Kind! }).ToList(),
        };
        db.ExternalReviews.Add(session);
        var saved = await saver.SaveAsync();
        return (false, saved.Succeeded ? saved.WithRecord(session.Id) : saved);
    }
}
