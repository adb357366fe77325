using Komaki.Management.Core.Importing;

namespace Komaki.Management.Web.Features.Imports;

public static class ImportChoiceForm
{
    /// Reads the choice fields of the preview's form (sheet, amountUnit, column:KEY, label:KEY, unit:KEY) over the earlier ones.
    public static ImportChoices Read(IFormCollection form, ImportChoices earlier)
    {
        static int? Int(string? s) => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;
        var columns = new Dictionary<string, int>(earlier.Columns);
        var labels = new Dictionary<string, int>(earlier.Labels);
        var units = new Dictionary<string, int>(earlier.Units);
        foreach (var (key, values) in form)
        {
            if (Int(values.ToString()) is not int value) continue;
            if (key.StartsWith("column:", StringComparison.Ordinal)) columns[key[7..]] = value;
            else if (key.StartsWith("label:", StringComparison.Ordinal)) labels[key[6..]] = value;
            else if (key.StartsWith("unit:", StringComparison.Ordinal)) units[key[5..]] = value;
        }
        var sheet = form["sheet"].ToString();
        return earlier with
        {
            Sheet = string.IsNullOrEmpty(sheet) ? earlier.Sheet : sheet,
            YenPerUnit = long.TryParse(form["amountUnit"], NumberStyles.None, CultureInfo.InvariantCulture, out var yen) && yen is 1 or 1000 or 10_000 or 1_000_000 ? yen : earlier.YenPerUnit,
            Columns = columns,
            Labels = labels,
            Units = units,
        };
    }
}
