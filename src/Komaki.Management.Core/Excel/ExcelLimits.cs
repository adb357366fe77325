namespace Komaki.Management.Core.Excel;

/// Bounds on what an uploaded workbook may cost the server. A file past any of them is refused
/// before it is read, so one bad upload cannot take the app down for everyone.
public sealed record ExcelLimits
{
    public static readonly ExcelLimits Default = new();

    /// The upload itself (configurable as Import:MaxUploadBytes).
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    /// All parts of the workbook once unzipped.
    public long MaxUncompressedBytes { get; init; } = 400L * 1024 * 1024;

    /// How much one part may grow when unzipped; real sheets compress 5–20×, bombs 1000× and more.
    public int MaxCompressionRatio { get; init; } = 200;

    /// Rows of one sheet. The largest real plan sheets hold a few thousand.
    public int MaxRows { get; init; } = 100_000;

    public int MaxColumns { get; init; } = 500;

    /// The last row Excel can have; a file that numbers its rows beyond it is not a real workbook.
    public const int LastRowOfASheet = 1_048_576;
}

/// A workbook that cannot be read, with the reason staff should read.
public sealed class ExcelFileException(string message) : Exception(message);
