using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Importing;

namespace Komaki.Management.Core.Manifesto;

/// The manifesto as the mayor's office keeps it (番号・分野・項目・内容・数値目標), into one term: items are
/// matched by number, created or updated field by field, never deleted.
public sealed class ManifestoImport(ImportContext context) : SheetImport(context)
{
    public static readonly SheetKind Sheet = new(SheetKind.Manifesto, "マニフェスト", context => new ManifestoImport(context), null, _ => "",
        new SheetRoute("Manifesto", "Index", "termId"), SheetAccess.Planning, SheetScope.MayorTerm)
    {
        Scopes = async (db, ct) => (await db.MayorTerms.AsNoTracking().OrderByDescending(t => t.StartDate).Select(t => new { t.Id, t.Title, t.MayorName }).ToListAsync(ct))
            .Select(t => (t.Id, $"{t.Title}（{t.MayorName} 市長）")).ToList(),
    };

    public const string SheetName = "マニフェスト";

    public static readonly FieldSpec Number = new("number", "番号", ["項目番号", "No", "NO", "施策番号"], Required: true);
    public static readonly FieldSpec Area = new("area", "分野", ["政策分野", "分類", "柱"]);
    public static readonly FieldSpec Title = new("title", "項目", ["項目名", "マニフェスト項目", "公約", "タイトル"], Required: true);
    public static readonly FieldSpec Description = new("description", "内容", ["説明", "具体的な内容", "取組内容"]);
    public static readonly FieldSpec Target = new("target", "数値目標", ["目標", "目標値", "数値目標等"]);
    public static readonly IReadOnlyList<FieldSpec> Fields = [Number, Area, Title, Description, Target];

    private MayorTerm _term = null!;
    private Dictionary<string, ManifestoItem> _existing = [];
    private readonly Dictionary<string, int> _seen = [];
    private readonly List<ManifestoItem> _toAdd = [];
    private int _order;

    protected override SheetLayout Layout { get; } = new(SheetName, Fields, Number.Key, Number.Header) { IdentityKeys = [Title.Key] };

    protected override async Task<string?> PrepareAsync(SheetTable table, CancellationToken ct)
    {
        var term = await Db.MayorTerms.Include(t => t.Items).FirstOrDefaultAsync(t => t.Id == Request.Scope, ct);
        if (term is null) return "取り込み先の任期がありません。";
        _term = term;
        _existing = term.Items.GroupBy(i => TextNormal.ForCode(i.Number)).ToDictionary(g => g.Key, g => g.First());
        _order = term.Items.Count == 0 ? 0 : term.Items.Max(i => i.SortOrder);
        return null;
    }

    protected override void Read(ImportRow row)
    {
        var number = row.Text(Number.Key)!;
        var key = TextNormal.ForCode(number);
        var title = row.Shown(Title.Key);
        var errors = new List<string>();
        if (!_seen.TryAdd(key, row.Number)) errors.Add($"{row.Cell(Number.Key)}: 番号「{number}」の行が{_seen[key]}行目にもあります。");
        if (title is null) errors.Add($"{row.Cell(Title.Key)}: 項目が空欄です。");
        if (title is { Length: > 200 }) errors.Add($"{row.Cell(Title.Key)}: 項目は200文字以内にしてください。");
        if (row.Shown(Description.Key) is { Length: > 4000 }) errors.Add($"{row.Cell(Description.Key)}: 内容は4,000文字以内にしてください。");
        if (errors.Count > 0)
        {
            Refuse(row, number, errors);
            return;
        }
        var isNew = !_existing.TryGetValue(key, out var item);
        item ??= new ManifestoItem { MayorTermId = _term.Id, Number = number.Trim(), SortOrder = ++_order };
        var changes = new List<FieldChange>();
        void Set(FieldSpec f, string? old, string? value, Action apply)
        {
            if (!row.Has(f.Key) && !isNew) return;
            if (!isNew && (old ?? "") == (value ?? "")) return;
            if (isNew && value is null) return;
            changes.Add(new(f.Header, isNew ? null : old, value));
            apply();
        }
        var area = row.Shown(Area.Key) ?? (isNew ? "（未分類）" : item.Area);
        if (!isNew && row.Has(Area.Key) && row.Shown(Area.Key) is null) KeptBlank(row, row.Cell(Area.Key), Area.Header, item.Area, "分野は空にできません");
        // A recorded promise is on the public site: rewording it is a 訂正 with its reason, made on its page.
        var reworded = isNew ? [] : new[] { (Area, item.Area, area), (Title, item.Title, title) }.Where(f => row.Has(f.Item1.Key) && (f.Item2 ?? "") != (f.Item3 ?? "")).ToList();
        if (reworded.Count > 0)
        {
            Refuse(row, number, reworded.Select(f => $"{row.Cell(f.Item1.Key)}（{f.Item1.Header}）: 公開サイトに載っている公約は、取り込みでは書き換えられません。項目の編集画面で訂正の理由を添えて変えてください。").ToList());
            return;
        }
        Set(Area, item.Area, area, () => item.Area = area);
        Set(Title, item.Title, title, () => item.Title = title!);
        Set(Description, item.Description, row.Shown(Description.Key), () => item.Description = row.Shown(Description.Key) ?? "");
        Set(Target, item.NumericTarget, row.Shown(Target.Key), () => item.NumericTarget = row.Shown(Target.Key));
        if (isNew)
        {
            _toAdd.Add(item);
            Report.Created.Add(new(row.Sheet, row.Number, number, title!, changes));
        }
        else if (changes.Count > 0) Report.Updated.Add(new(row.Sheet, row.Number, number, item.Title, changes));
        else Report.Unchanged++;
    }

    protected override async Task WriteAsync(CancellationToken ct)
    {
        Db.ManifestoItems.AddRange(_toAdd);
        await Db.SaveChangesAsync(ct);
    }
}
