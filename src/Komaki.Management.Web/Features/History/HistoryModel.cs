using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;

namespace Komaki.Management.Web.Features.History;

public sealed record HistoryModel(string RecordType, string RecordId, string Title, string? BackUrl, Paged<AuditEntry> Entries, HistoryWording Wording, IReadOnlyDictionary<string, string> DetailLabels);
