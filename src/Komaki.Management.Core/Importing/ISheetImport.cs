namespace Komaki.Management.Core.Importing;

/// An Excel import with the shared contract: preview without apply; with apply, everything is written in
/// one transaction or nothing is (nothing while any row is refused or a choice is open, or when the result no
/// longer matches the preview the user confirmed).
public interface ISheetImport
{
    Task<ImportReport> RunAsync(ImportRequest request, CancellationToken ct = default);
}
