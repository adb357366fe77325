namespace Komaki.Management.Core.Excel;

/// Finds the sheet an import is about in a workbook: the one with the expected name first, then the others
/// in order (a cover sheet or notes sheet in front is common). The first sheet's reason is reported when none fits.
public static class SheetFinder
{
    public static (SheetGrid Grid, HeaderMap Map) Open(
        Stream file, ExcelLimits limits, string preferredName, IReadOnlyList<FieldSpec> fields, IReadOnlySet<string> amountKeys,
        Action<SheetGrid, HeaderMap>? check = null)
    {
        using var package = XlsxPackage.Open(file, limits);
        ExcelFileException? first = null;
        foreach (var name in package.Sheets.OrderBy(s => s.Name == preferredName ? 0 : 1).Select(s => s.Name).ToList())
        {
            var grid = package.ReadSheet(name);
            try
            {
                var map = HeaderMap.Find(grid, fields, amountKeys);
                check?.Invoke(grid, map);
                return (grid, map);
            }
            catch (ExcelFileException e)
            {
                first ??= e;
            }
        }
        throw first ?? new ExcelFileException("ブックにシートがありません。");
    }
}
