using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Evaluation;

/// An evaluation not yet published belongs to its unit and planning, history included (EvaluationAccess).
public sealed class ProjectEvaluationHistory(AppDbContext db) : HistoryKind<ProjectEvaluation>
{
    public override async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
    {
        if (HistoryOpening.IdOf(recordId) is not int id) return HistoryOpening.Refused;
        var e = await db.ProjectEvaluations.AsNoTracking().Include(x => x.Project).FirstOrDefaultAsync(x => x.Id == id);
        if (e is null) return HistoryOpening.Read(recordId);
        if (!EvaluationAccess.CanRead(reader.Actor(), e, reader.Org)) return HistoryOpening.Refused;
        return HistoryOpening.Read($"{e.Project?.Code} {e.Project?.Name} {Wareki.FiscalYear(e.FiscalYear)} 事務事業評価",
            new("Evaluations", "Details", new { year = e.FiscalYear, projectId = e.ProjectId }));
    }
}

/// An improvement opened by an evaluation is read as its evaluation is.
public sealed class ImprovementActionHistory(AppDbContext db) : HistoryKind<ImprovementAction>
{
    public override async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
    {
        if (HistoryOpening.IdOf(recordId) is not int id) return HistoryOpening.Refused;
        var a = await db.ImprovementActions.AsNoTracking().Include(x => x.ProjectEvaluation).Include(x => x.Project).FirstOrDefaultAsync(x => x.Id == id);
        if (a is null) return HistoryOpening.Read(recordId);
        if (!EvaluationAccess.CanRead(reader.Actor(), a, a.ProjectEvaluation?.State, reader.Org)) return HistoryOpening.Refused;
        return HistoryOpening.Read($"{a.Project?.Code} {a.Project?.Name} {Wareki.FiscalYear(a.FiscalYear)} 改善", new("Improvements", "Details", new { id }));
    }
}

/// 施策評価: read by every staff member (the public reads them once published).
public sealed class MeasureEvaluationHistory(AppDbContext db) : HistoryKind<MeasureEvaluation>
{
    public override Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) => HistoryOpening.ByIdAsync(recordId,
        id => db.MeasureEvaluations.Where(m => m.Id == id).Select(m => new { m.FiscalYear, m.MeasureId, m.Measure!.Code, m.Measure.Name }).FirstOrDefaultAsync(),
        m => HistoryOpening.Read($"{m.Code} {m.Name} {Wareki.FiscalYear(m.FiscalYear)} 施策評価",
            new("MeasureEvaluations", "Edit", new { year = m.FiscalYear, measureId = m.MeasureId })));
}

/// 外部評価の会, the projects it reviews and its reviewers (filed under the session).
public sealed class ExternalReviewHistory(AppDbContext db) : HistoryKind<ExternalReview>(typeof(ExternalReviewProject), typeof(ExternalReviewer))
{
    public override Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) => HistoryOpening.ByIdAsync(recordId,
        id => db.ExternalReviews.Where(s => s.Id == id).Select(s => new { s.Id, s.Title }).FirstOrDefaultAsync(),
        s => HistoryOpening.Read($"外部評価 {s.Title}", new("ExternalReviews", "Details", new { id = s.Id })));
}

/// One reviewer's verdict on one project, as ExternalReviewRule and the session's page show it: its reviewer reads its
/// history at once; the others who read the session, once the session has closed and the verdicts are published.
public sealed class ReviewerVerdictHistory(AppDbContext db) : HistoryKind<ReviewerVerdict>
{
    public override async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
    {
        if (HistoryOpening.IdOf(recordId) is not int id) return HistoryOpening.Refused;
        var v = await db.Set<ReviewerVerdict>().AsNoTracking().Where(x => x.Id == id)
            .Join(db.Set<ExternalReviewProject>(), x => x.ExternalReviewProjectId, p => p.Id, (x, p) => new { x.ReviewerUserId, p.ExternalReviewId, Project = p.Project!.Name })
            .FirstOrDefaultAsync();
        if (v is null) return HistoryOpening.Refused;
        var session = await db.ExternalReviews.AsNoTracking().Include(s => s.Reviewers).FirstAsync(s => s.Id == v.ExternalReviewId);
        var readsSession = ExternalReviewPages.IsStaff(reader.Actor()) || session.Reviewers.Any(r => r.UserId == reader.UserId);
        return v.ReviewerUserId == reader.UserId || session.IsClosed && readsSession
            ? HistoryOpening.Read($"外部評価 {session.Title}「{v.Project}」の委員の評価", new("ExternalReviews", "Details", new { id = session.Id }))
            : HistoryOpening.Refused;
    }
}

/// The city's names of 今後の方向性.
public sealed class DirectionChoiceHistory(AppDbContext db) : HistoryKind<DirectionChoice>
{
    public override async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) =>
        HistoryOpening.Read($"今後の方向性の区分「{(HistoryOpening.IdOf(recordId) is int n ? await db.DirectionChoices.Where(c => (int)c.Code == n).Select(c => c.Label).FirstOrDefaultAsync() : null) ?? recordId}」",
            new("Directions", "Index"));
}
