using Komaki.Management.Core.Common;

namespace Komaki.Management.Web.Infrastructure;

/// Every CSV the app serves is answered here, from CsvWriter (one formula guard); CsvEndpointTests finds the actions
/// that call it and fails on one it does not plant a formula into.
public static class CsvDownload
{
    public static FileContentResult Result<T>(IReadOnlyList<CsvColumn<T>> columns, IEnumerable<T> rows, string fileName) =>
        new(CsvWriter.Bytes(columns, rows), "text/csv; charset=utf-8") { FileDownloadName = fileName };
}
