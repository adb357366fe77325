using Komaki.Management.Core.Plans;

namespace Komaki.Management.Web.Features.Board;

/// The bands as a form, editable when JudgmentBandRule lets the reader change them (the same answer the POST asks).
public sealed record BandsModel(List<BandRow> Rows, bool MayEdit);
