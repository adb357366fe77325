using System.Text;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Personnel;

namespace Komaki.Management.IntegrationTests.Importing;

/// The demo city's staff register for a year as a personnel system writes it (one CSV line per person and post), and
/// the ways such systems write the same thing differently.
internal sealed class StaffRegister
{
    public static readonly string[] Headers = ["職員番号", "氏名", "所属", "職名", "職層", "級", "任用形態", "発令日", "メールアドレス"];

    public sealed record Line(string Number, string Name, string Unit, string? Department, string Position, string Level, string? Grade, string Employment, string StartsOn, string? Email)
    {
        public string[] Fields => [Number, Name, Unit, Position, Level, Grade ?? "", Employment, StartsOn, Email ?? ""];
    }

    public List<string> Prelude { get; init; } = [];
    public List<string> HeaderRow { get; init; } = [.. Headers];
    public List<Line> Lines { get; init; } = [];
    public List<string> Trailer { get; init; } = [];
    public Encoding Encoding { get; set; } = new UTF8Encoding(true);

    public static StaffRegister Of(KomakiFactory app, int year) => app.WithDb(db =>
    {
        var units = db.OrgUnits.ToDictionary(u => u.Id);
        var lines = db.StaffAssignments.Where(a => a.FiscalYear == year).Select(a => new { a.StaffMember!.StaffNumber, a.StaffMember.Name, a.StaffMember.Email, a.OrgUnitId, a.Position, a.JobLevel, a.SalaryGrade, a.Employment, a.StartsOn })
            .ToList().OrderBy(a => a.StaffNumber, StringComparer.Ordinal).ThenBy(a => a.StartsOn)
            .Select(a => new Line(a.StaffNumber, a.Name, units[a.OrgUnitId].Name, units[a.OrgUnitId].ParentId is int p ? units[p].Name : null, a.Position,
                a.JobLevel.Label(), a.SalaryGrade?.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Employment.Label(), a.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), a.Email))
            .ToList();
        return new StaffRegister { Lines = lines };
    });

    public StaffRegister Copy() => new() { Prelude = [.. Prelude], HeaderRow = [.. HeaderRow], Lines = [.. Lines], Trailer = [.. Trailer], Encoding = Encoding };

    public byte[] Bytes()
    {
        var text = new StringBuilder();
        foreach (var p in Prelude) text.Append(p).Append("\r\n");
        text.Append(string.Join(",", HeaderRow)).Append("\r\n");
        foreach (var line in Lines) text.Append(string.Join(",", line.Fields.Select(Quote))).Append("\r\n");
        foreach (var t in Trailer) text.Append(t).Append("\r\n");
        var body = Encoding.GetBytes(text.ToString());
        return [.. Encoding.GetPreamble(), .. body];
    }

    /// A field quoted as Excel writes CSV: only when it holds a comma or a quote; ="…" (Excel's keep-the-zeros form) as is.
    private static string Quote(string field) =>
        field.StartsWith("=\"", StringComparison.Ordinal) || !field.Contains(',') && !field.Contains('"') ? field : $"\"{field.Replace("\"", "\"\"")}\"";
}
