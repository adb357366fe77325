using Komaki.Management.Core.CitizenVoice;
using Komaki.Management.Core.Common;

namespace Komaki.Management.Web.Features.CitizenInputs;

public sealed class CitizenInputFilter
{
    public string? Q { get; set; }
    public CitizenChannel? Channel { get; set; }
    public CitizenInputStatus? Status { get; set; }
    public int? MeasureId { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record CitizenInputListModel(CitizenInputFilter Filter, Paged<CitizenInput> Rows, IReadOnlyList<SelectListItem> Measures, bool CanEdit);

/// Published: the input is on the public site, so a change of what citizens read needs the 訂正's reason.
public sealed record CitizenInputFormModel(int? Id, CitizenInputForm Form, bool Published = false);
