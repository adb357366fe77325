using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Evaluation;

/// An evaluation not yet published belongs to its unit and planning, history included (EvaluationAccess).
public sealed class ProjectEvaluationHistory(AppDbContext db) : IHistoryKind
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [nameof(ProjectEvaluation)];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(ProjectEvaluation)];

    public async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
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
public sealed class ImprovementActionHistory(AppDbContext db) : IHistoryKind
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [nameof(ImprovementAction)];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(ImprovementAction)];

    public async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId)
    {
        if (HistoryOpening.IdOf(recordId) is not int id) return HistoryOpening.Refused;
        var a = await db.ImprovementActions.AsNoTracking().Include(x => x.ProjectEvaluation).Include(x => x.Project).FirstOrDefaultAsync(x => x.Id == id);
        if (a is null) return HistoryOpening.Read(recordId);
        if (!EvaluationAccess.CanRead(reader.Actor(), a, a.ProjectEvaluation?.State, reader.Org)) return HistoryOpening.Refused;
        return HistoryOpening.Read($"{a.Project?.Code} {a.Project?.Name} {Wareki.FiscalYear(a.FiscalYear)} 改善", new("Improvements", "Details", new { id }));
    }
}

/// 施策評価: read by every staff member (the public reads them once published).
public sealed class MeasureEvaluationHistory(AppDbContext db) : IHistoryKind
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [nameof(MeasureEvaluation)];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(MeasureEvaluation)];

    public async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) =>
        HistoryOpening.IdOf(recordId) is int id && await db.MeasureEvaluations.Where(m => m.Id == id)
            .Select(m => new { m.FiscalYear, m.MeasureId, m.Measure!.Code, m.Measure.Name }).FirstOrDefaultAsync() is { } m
            ? HistoryOpening.Read($"{m.Code} {m.Name} {Wareki.FiscalYear(m.FiscalYear)} 施策評価", new("MeasureEvaluations", "Edit", new { year = m.FiscalYear, measureId = m.MeasureId }))
            : HistoryOpening.Read(recordId);
}

/// 外部評価の会 and the projects it reviews (filed under the session).
public sealed class ExternalReviewHistory(AppDbContext db) : IHistoryKind
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [nameof(ExternalReview)];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(ExternalReview), typeof(ExternalReviewProject)];

    public async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) =>
        HistoryOpening.IdOf(recordId) is int id && await db.ExternalReviews.Where(s => s.Id == id).Select(s => s.Title).FirstOrDefaultAsync() is { } title
            ? HistoryOpening.Read($"外部評価 {title}", new("ExternalReviews", "Details", new { id }))
            : HistoryOpening.Read(recordId);
}

/// The city's names of 今後の方向性.
public sealed class DirectionChoiceHistory(AppDbContext db) : IHistoryKind
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [nameof(DirectionChoice)];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(DirectionChoice)];

    public async Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) =>
        HistoryOpening.Read($"今後の方向性の区分「{(HistoryOpening.IdOf(recordId) is int n ? await db.DirectionChoices.Where(c => (int)c.Code == n).Select(c => c.Label).FirstOrDefaultAsync() : null) ?? recordId}」",
            new("Directions", "Index"));
}
