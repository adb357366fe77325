using Komaki.Management.Core.Common;

namespace Komaki.Management.Core.CitizenVoice;

/// Citizens' input with its links (filed under the input) and the survey results of a year: every staff member reads them.
public sealed class CitizenVoiceHistory : IHistoryKind
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [nameof(CitizenInput), nameof(SurveyResult)];

    public IReadOnlyCollection<Type> Entities { get; } = [typeof(CitizenInput), typeof(CitizenInputLink), typeof(SurveyResult)];

    public Task<HistoryOpening> OpenAsync(HistoryReader reader, string recordType, string recordId) => Task.FromResult(HistoryOpening.IdOf(recordId) is not int id
        ? HistoryOpening.Read(recordId)
        : recordType == nameof(CitizenInput)
            ? HistoryOpening.Read("市民の声", new("CitizenInputs", "Details", new { id }))
            : HistoryOpening.Read($"{Wareki.FiscalYear(id)} 市民意識調査", new("Survey", "Index", new { year = id })));
}
