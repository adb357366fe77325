using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;

namespace Komaki.Management.Core.Importing;

/// Tells a 小計・合計 row by what the plan's own structure calls one: a 計 word (計・小計・合計・総計・累計) alone, after a
/// word of the structure (施策計, 政策計, 基本事業計, 部計, 課計), after a code of the plan (1-1 計, 施策1-1計) or a name of one of
/// its 政策・施策・基本事業 (子育て支援の充実 計), or after a space (道路維持 計). A project name that merely ends in 計
/// (橋梁設計, 統計調査) is none of these and stays data.
public sealed partial class Subtotals
{
    private readonly HashSet<string> _codes;
    private readonly HashSet<string> _names;
    private readonly Dictionary<string, HashSet<string>> _namesByCode;
    private readonly HashSet<string> _projectCodes;

    public static readonly Subtotals WithoutPlan = new([], []);

    private Subtotals(IReadOnlyCollection<(string Code, string Name)> elements, IEnumerable<string> projectCodes)
    {
        _codes = elements.Select(e => TextNormal.ForCode(e.Code)).Where(c => c.Length > 0).ToHashSet();
        _names = elements.Select(e => TextNormal.ForMatch(e.Name)).Where(n => n.Length > 0).ToHashSet();
        _namesByCode = elements.GroupBy(e => TextNormal.ForCode(e.Code)).ToDictionary(g => g.Key, g => g.Select(e => TextNormal.ForMatch(e.Name)).ToHashSet());
        _projectCodes = projectCodes.Select(TextNormal.ForCode).ToHashSet();
    }

    /// A row of the plan's structure among project rows: the code of a 政策・施策・基本事業 (not a project's), with that
    /// element's name or no name — the group's heading, or its total when it has figures.
    public bool IsPlanElementRow(string? code, string? name)
    {
        var key = TextNormal.ForCode(code);
        if (key.Length == 0 || _projectCodes.Contains(key) || !_namesByCode.TryGetValue(key, out var names)) return false;
        return string.IsNullOrWhiteSpace(name) || names.Contains(TextNormal.ForMatch(name)) || IsSubtotal(name);
    }

    /// The codes and names of the plan's 政策・施策・基本事業 (all plans: a sheet may still carry an older plan's names).
    public static async Task<Subtotals> LoadAsync(AppDbContext db, CancellationToken ct = default)
    {
        var policies = await db.Policies.AsNoTracking().Select(p => new { p.Code, p.Name }).ToListAsync(ct);
        var measures = await db.Measures.AsNoTracking().Select(p => new { p.Code, p.Name }).ToListAsync(ct);
        var basics = await db.BasicProjects.AsNoTracking().Select(p => new { p.Code, p.Name }).ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking().Select(p => p.Code).ToListAsync(ct);
        return new Subtotals(policies.Concat(measures).Concat(basics).Select(x => (x.Code, x.Name)).ToList(), projects);
    }

    /// Whether the text of a code or name cell marks its row a 小計・合計 row.
    public bool IsSubtotal(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || !raw.Contains('計')) return false;
        var text = TextNormal.WithoutInvisible(raw).Normalize(NormalizationForm.FormKC).Trim().Trim('【', '】', '[', ']', '(', ')', '<', '>', '〈', '〉', '《', '》');
        if (LeadingTotal().IsMatch(TextNormal.ForMatch(text))) return true;
        var m = TotalWord().Match(text);
        if (!m.Success) return false;
        var before = text[..m.Index];
        var prefix = TextNormal.ForMatch(before).TrimEnd('・', ':', '：', 'の', '-');
        if (prefix.Length == 0) return true;
        // 小計・合計・総計 after anything short is a total (部長室小計, 上半期合計); a bare 計 needs more to be one.
        if (m.Value != "計" && m.Value != "累計" && prefix.Length <= 14) return true;
        if (before.Length > 0 && char.IsWhiteSpace(before[^1])) return true;
        if (StructureWord().IsMatch(prefix)) return true;
        var code = TextNormal.ForCode(StructureLead().Replace(prefix, ""));
        if (CodeLike().IsMatch(code) || _codes.Contains(code)) return true;
        return _names.Contains(prefix) || _names.Contains(StructureLead().Replace(prefix, ""));
    }

    /// 合計（千円）, 小計(R8): the total word first, with only a bracket after it (合計特殊出生率… is a name).
    [GeneratedRegex(@"^(合計|小計|総計)([\(\[【].*)?$")]
    private static partial Regex LeadingTotal();

    /// 計・小計・合計・総計・累計 closing the text, with a closing bracket allowed after it.
    [GeneratedRegex(@"(小計|合計|総計|累計|計)[\s\)）】\]]*$")]
    private static partial Regex TotalWord();

    [GeneratedRegex(@"^(第?[0-9]+[章節款項目]?|施策|政策|基本事業|基本施策|分野|部|課|局|章|節|款|項|目|事業|全体|年度|各年度)$")]
    private static partial Regex StructureWord();

    [GeneratedRegex(@"^(施策|政策|基本事業|基本施策|分野|第)")]
    private static partial Regex StructureLead();

    /// A plan code (1, 1-1, 1-1-2, 01-02), the way 施策 and 政策 are numbered.
    [GeneratedRegex(@"^[0-9]{1,3}(-[0-9]{1,3}){0,3}[章節]?$")]
    private static partial Regex CodeLike();
}
