using Komaki.Management.Core.Identity;

namespace Komaki.Management.Core.Personnel;

/// 人事評価 in 対応待ち and on the board: the steps waiting for the person (their own and those of the people they
/// evaluate; for the personnel division 調整, 開示 and complaints), and the year's steps counted city-wide. Private:
/// read for the person on every request, never kept in the shared cache; the board shows counts only.
public sealed class PersonnelWork(PersonnelPages pages) : IWaitingContribution, IBoardContribution
{
    /// The board's heading for these counts (shown apart, with what they do not show).
    public const string Area = "人事評価";

    public IReadOnlyCollection<Type> Covers { get; } = [typeof(PersonnelDesign), typeof(PersonnelWorkflow)];

    public IReadOnlyList<string>? AreasFor(Actor actor) => null;

    public IReadOnlyList<string>? Areas => null;

    public async Task<IReadOnlyList<WaitingItem>> ForAsync(WorkAsker asker, CancellationToken ct = default) =>
        (await pages.WaitingAsync(asker.Actor, asker.UserId, asker.FiscalYear, asker.Today))
            .Select(p => new WaitingItem(WaitingSection.Personnel, "personnel", p.DueOn, p.Task, p.Person, "", new("Personnel", "Details", new { id = p.EvaluationId }))
            {
                Kind = "Personnel", Year = p.FiscalYear,
            }).ToList();

    public async Task<IReadOnlyList<BoardStage>> StagesAsync(int year, CancellationToken ct = default) =>
        (await pages.StagesAsync(year)).Select(s => new BoardStage(Area, s.Stage, s.DueOn, s.Done, s.Of)).ToList();
}
