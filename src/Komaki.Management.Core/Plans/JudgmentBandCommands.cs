using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Plans;

public sealed class BandRow
{
    public string Grade { get; set; } = "";
    public string Label { get; set; } = "";
    public string? MinPercent { get; set; }
    public string Color { get; set; } = "";
    [Display(Name = "目標未達の扱い")]
    public bool OffTarget { get; set; }
}

/// The bands as planning posts them, the empty rows of the form left out.
public sealed class BandsForm
{
    public List<BandRow> Rows { get; set; } = [];
}

/// Every row complete and the bands together giving every achievement exactly one band, beside the fields (the
/// command says the same before it replaces the bands).
public sealed class BandsFormValidator : AbstractValidator<BandsForm>
{
    public BandsFormValidator() => RuleFor(f => f.Rows).Custom((rows, context) =>
    {
        foreach (var (field, message) in JudgmentBandCommands.Problems(rows, out _)) context.AddFailure(field, message);
    });
}

/// Planning's bands that call a rolled-up achievement S/A/B/C and off target: replaced as a whole, and only when
/// every achievement still gets exactly one band.
public sealed class JudgmentBandCommands(AppDbContext db, RecordSaver saver) : IUseCase
{
    public async Task<CommandResult> ReplaceAsync(IReadOnlyList<BandRow> rows)
    {
        var result = new CommandResult();
        var problems = Problems(rows, out var parsed);
        foreach (var (field, message) in problems) result.Add(field, message);
        if (!result.Succeeded) return result;
        db.JudgmentBands.RemoveRange(await db.JudgmentBands.ToListAsync());
        db.JudgmentBands.AddRange(parsed);
        return await saver.SaveAsync();
    }

    /// What is wrong with the rows, by field ("" for the bands as a whole), and the bands they make.
    public static List<(string Field, string Message)> Problems(IReadOnlyList<BandRow> rows, out List<JudgmentBand> parsed)
    {
        var problems = new List<(string, string)>();
        var (gradeMax, labelMax) = (ModelLengths.Of<JudgmentBand>(b => b.Grade), ModelLengths.Of<JudgmentBand>(b => b.Label));
        parsed = [];
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var prefix = $"rows[{i}]";
            if (string.IsNullOrWhiteSpace(r.Grade) || r.Grade.Trim().Length > gradeMax) problems.Add(($"{prefix}.Grade", $"判定は1〜{gradeMax}文字で入力してください。"));
            if (string.IsNullOrWhiteSpace(r.Label) || r.Label.Trim().Length > labelMax) problems.Add(($"{prefix}.Label", $"名称は1〜{labelMax}文字で入力してください。"));
            if (!decimal.TryParse(TextNormal.ForMatch(r.MinPercent ?? ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var min) || min < 0 || min > 1000)
                problems.Add(($"{prefix}.MinPercent", "下限は0〜1000の数値（%）で入力してください。"));
            if (!Regex.IsMatch(r.Color ?? "", "^#[0-9a-fA-F]{6}$")) problems.Add(($"{prefix}.Color", "色は #1a7f37 の形で入力してください。"));
            parsed.Add(new JudgmentBand { Grade = r.Grade?.Trim() ?? "", Label = r.Label?.Trim() ?? "", MinPercent = min, Color = r.Color ?? "", OffTarget = r.OffTarget });
        }
        if (parsed.Count < 2) problems.Add(("", "判定区分は2つ以上必要です。"));
        if (parsed.Select(b => b.Grade).Distinct().Count() != parsed.Count) problems.Add(("", "同じ判定が2回あります。"));
        if (parsed.Select(b => b.MinPercent).Distinct().Count() != parsed.Count) problems.Add(("", "下限が同じ判定区分があります。"));
        if (parsed.Count > 0 && parsed.Min(b => b.MinPercent) != 0) problems.Add(("", "いちばん低い判定区分の下限は0%にしてください（どの達成度にも判定が付くように）。"));
        return problems;
    }
}
