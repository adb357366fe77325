using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Excel;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Importing;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Personnel;

/// 職員名簿: the personnel system's list of staff for a fiscal year (CSV or Excel), one row per person and post —
/// a transfer during the year is a second row with its 発令日. Each row stores exactly what it says or is refused with
/// the reason: the 職層 and 任用形態 must be one of the known words, the 所属 a registered unit (or one the user maps),
/// a 職員番号 appears once per 発令日. A row with a mail address links the staff member to the account of that address,
/// or creates one (without a password: an administrator sets the first one) with the role of the post. A 退職日 ends the
/// person's account from that day (Leavers); a blank one leaves a registered date as it is (取消 is on the staff page).
public sealed class StaffImport(ImportContext context) : SheetImport(context)
{
    public const string Kind = "staff";

    public static readonly SheetKind Sheet = new(Kind, "職員名簿（人事評価）", context => new StaffImport(context), null, year => $"職員名簿_{Wareki.FiscalYearShort(year)}.csv",
        // Only the operator's command line imports the register (the personnel division sends it); no screen offers it.
        new SheetRoute("PersonnelDivision", "Index", "year"), new SheetAccess(CityWide: false, []));

    public static readonly FieldSpec Number = new("number", "職員番号", ["職員コード", "職員NO", "職員No.", "社員番号", "個人番号"], Required: true);
    public static readonly FieldSpec Name = new("name", "氏名", ["職員氏名", "名前", "氏名（漢字）", "漢字氏名", "氏名漢字", "職員名"], Required: true);
    public static readonly FieldSpec Unit = new("unit", "所属", ["所属名", "部課名", "所属課", "配属先", "所属名称", "所属部署", "配属所属"], Required: true);
    public static readonly FieldSpec Position = new("position", "職名", ["職位", "役職", "役職名", "職名称"], Required: true);
    public static readonly FieldSpec Level = new("level", "職層", ["評価区分", "職層区分", "職務の級区分", "職層名"], Required: true);
    public static readonly FieldSpec Grade = new("grade", "級", ["給料表の級", "職務の級"]);
    public static readonly FieldSpec Employment = new("employment", "任用形態", ["任用区分", "雇用形態", "職員区分", "任用形態名", "雇用区分"], Required: true);
    public static readonly FieldSpec StartsOn = new("startsOn", "発令日", ["発令年月日", "異動日", "配属日", "異動年月日", "着任日"]);
    public static readonly FieldSpec Email = new("email", "メールアドレス", ["メール", "E-mail", "Email", "電子メール"]);
    public static readonly FieldSpec LeftOn = new("leftOn", "退職日", ["退職年月日", "離職日", "離職年月日", "退職予定日", "退職発令日"]);

    private static readonly IReadOnlyList<FieldSpec> Fields = [Number, Name, Unit, Position, Level, Grade, Employment, StartsOn, Email, LeftOn];

    protected override SheetLayout Layout { get; } = new("職員名簿", Fields, Number.Key, Number.Header) { IdentityKeys = [Name.Key] };

    protected override bool AcceptsCsv => true;

    private sealed record Row(int Line, string Number, string Name, string? Email, int UnitId, OrgUnit Unit, string Position, JobLevel Level, int? Grade, EmploymentType Employment, DateOnly StartsOn,
        DateOnly? LeftOn);

    /// A person's 退職日 and the cell it was read from: two rows of one person must not say two dates.
    private readonly Dictionary<string, (DateOnly Date, string Cell)> _leftOn = [];

    private UnitBook _units = null!;
    private Dictionary<string, StaffMember> _staff = [];
    private Dictionary<string, AppUser> _usersByEmail = [];
    private readonly List<Row> _rows = [];
    private readonly HashSet<(string, DateOnly)> _seen = [];
    private int _undated;
    private readonly List<string> _inPostSince = [];
    private int Year => Request.Scope;

    protected override async Task<string?> PrepareAsync(SheetTable table, CancellationToken ct)
    {
        _units = await UnitBook.LoadAsync(Db, Request.Choices, ct);
        if (Request.Apply)
        {
            _units.RegisterChosen(table.Grid.Rows.Where(r => r.Number > table.Map.LastHeaderRow)
                .Select(r => new ImportRow(table, r).Text(Unit.Key)).OfType<string>(), Year, Db);
            await Db.SaveChangesAsync(ct);
        }
        _staff = await Db.StaffMembers.Include(s => s.Assignments).AsSplitQuery().ToDictionaryAsync(s => s.StaffNumber, ct);
        _unitNames = await Db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        _usersByEmail = (await Db.Users.Where(u => u.Email != null).ToListAsync(ct)).GroupBy(u => u.Email!.ToUpperInvariant()).ToDictionary(g => g.Key, g => g.First());
        return null;
    }

    protected override void Read(ImportRow row)
    {
        var errors = new List<string>();
        var number = TextNormal.ForCode(row.Text(Number.Key) ?? "");
        var name = row.Shown(Name.Key) ?? "";
        if (name.Length == 0) errors.Add($"氏名がありません（{row.Cell(Name.Key)}）。");
        if (number.Length > 20) errors.Add($"職員番号「{number}」が長すぎます（20文字まで、{row.Cell(Number.Key)}）。");
        OrgUnit? unit = null;
        var unitName = row.Text(Unit.Key);
        if (unitName is null) errors.Add($"所属がありません（{row.Cell(Unit.Key)}）。");
        else if ((unit = _units.Find(unitName, Year)) is null) errors.Add(_units.Unmapped(unitName, row.Cell(Unit.Key), Year));
        else if (UnitNames.NotValidIn(unit, Year, unitName, row.Cell(Unit.Key)) is string invalid) errors.Add(invalid);
        var position = row.Shown(Position.Key) ?? "";
        if (position.Length == 0) errors.Add($"職名がありません（{row.Cell(Position.Key)}）。");
        // 職層 and 任用形態 through the label table, like every other label: a word it does not know is asked about.
        var level = JobLevel.General;
        if (row.Text(Level.Key) is not string levelText) errors.Add($"職層がありません（{row.Cell(Level.Key)}）。");
        else if (!Labels.TryRead(LabelKind.JobLevel, levelText, out level))
            errors.Add($"職層「{levelText}」は読めません（{row.Cell(Level.Key)}。取り込みラベルの対応表にない表記です。確認画面で意味を選ぶと、次からはその意味で読みます）。");
        var employment = EmploymentType.Regular;
        if (row.Text(Employment.Key) is not string employmentText) errors.Add($"任用形態がありません（{row.Cell(Employment.Key)}）。");
        else if (!Labels.TryRead(LabelKind.Employment, employmentText, out employment))
            errors.Add($"任用形態「{employmentText}」は読めません（{row.Cell(Employment.Key)}。取り込みラベルの対応表にない表記です。確認画面で意味を選ぶと、次からはその意味で読みます）。");
        int? grade = null;
        if (row.Text(Grade.Key) is string g)
        {
            if (NumberText.TryParseCell(g.Replace("級", ""), out var v) && v is decimal d && d == Math.Round(d) && d is >= 1 and <= 10) grade = (int)d;
            else errors.Add($"級「{g}」は1〜10の整数で書いてください（{row.Cell(Grade.Key)}）。");
        }
        var startsOn = new DateOnly(Year, 4, 1);
        if (row.Text(StartsOn.Key) is null) _undated++;
        else if (row.Text(StartsOn.Key) is string s)
        {
            if (!ImportDates.TryParse(s, out var dated)) errors.Add($"発令日「{s}」を日付として読めません（{row.Cell(StartsOn.Key)}。令和8年4月1日、R8.4.1、2026/4/1 などの形で書いてください）。");
            else if (Wareki.FiscalYearOf(dated) > Year) errors.Add($"発令日 {Wareki.Date(dated)} は{Wareki.FiscalYear(Year)}より後の日付です（{row.Cell(StartsOn.Key)}）。その年度の名簿で取り込んでください。");
            // An earlier year's 異動日 is the day the person came to the post they still hold: in post from the year's first day.
            else if (dated < startsOn) _inPostSince.Add(row.Cell(StartsOn.Key));
            else startsOn = dated;
        }
        var email = row.Text(Email.Key)?.Trim();
        if (email is not null && (email.Length > 256 || !email.Contains('@') || email.Contains(' '))) errors.Add($"メールアドレス「{email}」の形が正しくありません（{row.Cell(Email.Key)}）。");
        DateOnly? leftOn = null;
        if (row.Text(LeftOn.Key) is string l)
        {
            if (!ImportDates.TryParse(l, out var left)) errors.Add($"退職日「{l}」を日付として読めません（{row.Cell(LeftOn.Key)}。令和8年3月31日、R8.3.31、2026/3/31 などの形で書いてください）。");
            else if (_leftOn.TryGetValue(number, out var earlier) && earlier.Date != left)
                errors.Add($"職員番号 {number} の退職日が、{earlier.Cell} では {Wareki.Date(earlier.Date)}、{row.Cell(LeftOn.Key)} では {Wareki.Date(left)} と違います。");
            else if (left < startsOn) errors.Add($"退職日 {Wareki.Date(left)} が発令日 {Wareki.Date(startsOn)} より前です（{row.Cell(LeftOn.Key)}）。");
            else
            {
                leftOn = left;
                _leftOn.TryAdd(number, (left, row.Cell(LeftOn.Key)));
            }
        }
        if (!_seen.Add((number, startsOn))) errors.Add($"職員番号 {number} の発令日 {Wareki.Date(startsOn)} の行が2つあります。");
        if (email is not null && _usersByEmail.TryGetValue(email.ToUpperInvariant(), out var user)
            && _staff.Values.FirstOrDefault(m => m.UserId == user.Id && m.StaffNumber != number) is { } other)
            errors.Add($"メールアドレス {email} のアカウントは、すでに職員番号 {other.StaffNumber}（{other.Name}）に紐付いています。");
        if (errors.Count > 0)
        {
            Refuse(row, number, errors);
            return;
        }
        var r = new Row(row.Number, number, name, email, unit!.Id, unit, position, level, grade, employment, startsOn, leftOn);
        _rows.Add(r);
        Compare(row, r);
    }

    private void Compare(ImportRow row, Row r)
    {
        _staff.TryGetValue(r.Number, out var member);
        var existing = member?.Assignments.FirstOrDefault(a => a.FiscalYear == Year && a.StartsOn == r.StartsOn);
        var changes = new List<FieldChange>();
        void Diff(string field, string? old, string? now)
        {
            if (old != now) changes.Add(new FieldChange(field, old, now));
        }
        Diff("氏名", member?.Name, r.Name);
        if (r.Email is not null) Diff("メールアドレス", member?.Email, r.Email);
        else if (member?.Email is string kept && row.Has(Email.Key)) KeptBlank(row, row.Cell(Email.Key), Email.Header, kept, "アカウントとの紐付けは名簿の空欄では外しません");
        Diff("所属", existing is null ? null : UnitName(existing.OrgUnitId), r.Unit.Name);
        Diff("職名", existing?.Position, r.Position);
        Diff("職層", existing?.JobLevel.Label(), r.Level.Label());
        Diff("級", existing?.SalaryGrade?.ToString(CultureInfo.InvariantCulture), r.Grade?.ToString(CultureInfo.InvariantCulture));
        Diff("任用形態", existing?.Employment.Label(), r.Employment.Label());
        if (r.LeftOn is DateOnly left) Diff("退職日", member?.LeftOn is DateOnly was ? Wareki.Date(was) : null, Wareki.Date(left));
        if (r.Email is not null && !_usersByEmail.ContainsKey(r.Email.ToUpperInvariant()) && member?.UserId is null)
            changes.Add(new FieldChange("アカウント", null, $"{r.Email} を作成（{Roles.Label(RoleOf(r.Level))}、パスワードは管理者が設定）"));
        var label = $"{r.Name}（{Wareki.Date(r.StartsOn)}〜 {r.Unit.Name} {r.Position}）";
        if (changes.Count == 0) Report.Unchanged++;
        else if (member is null || existing is null) Report.Created.Add(new(row.Sheet, row.Number, r.Number, label, changes));
        else Report.Updated.Add(new(row.Sheet, row.Number, r.Number, label, changes));
    }

    private Dictionary<int, string> _unitNames = [];

    private string UnitName(int id) => _unitNames.GetValueOrDefault(id, "");

    protected override void Finish()
    {
        _units.Report(Report);
        var accounts = Report.Created.Concat(Report.Updated).Count(c => c.Changes.Any(f => f.Field == "アカウント"));
        if (accounts > 0) Report.Notes.Add($"アカウントを {accounts:N0} 件作成します。パスワードは設定されないため、管理者が「ユーザー」画面で初期パスワードを設定するまでサインインできません。");
        var leaving = _leftOn.Count(l => !_staff.TryGetValue(l.Key, out var m) || m.LeftOn != l.Value.Date);
        if (leaving > 0) Report.Notes.Add($"退職日を {leaving:N0} 人に登録します。その日から、その人のアカウントは使えなくなり、すべての端末のサインインが終了します。");
        if (_undated > 0) Report.Notes.Add($"発令日のない {_undated:N0} 行は、年度の初日（4月1日）からの所属として読みました。");
        if (_inPostSince.Count > 0)
            Report.Notes.Add($"発令日が{Wareki.FiscalYear(Year)}より前の {_inPostSince.Count:N0} 行（{string.Join("・", _inPostSince.Take(5))}{(_inPostSince.Count > 5 ? " など" : "")}）は、" +
                $"その日から引き続き同じ所属・職にいる人として、{Wareki.FiscalYear(Year)}の初日（{Wareki.Date(new DateOnly(Year, 4, 1))}）からの所属として読みました。");
    }

    private static string RoleOf(JobLevel level) => level is JobLevel.DepartmentChief or JobLevel.DivisionChief ? Roles.DepartmentHead : Roles.DepartmentStaff;

    protected override async Task WriteAsync(CancellationToken ct)
    {
        var roles = await Db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        foreach (var r in _rows)
        {
            if (!_staff.TryGetValue(r.Number, out var member))
            {
                member = new StaffMember { StaffNumber = r.Number };
                Db.StaffMembers.Add(member);
                _staff[r.Number] = member;
            }
            member.Name = r.Name;
            if (r.LeftOn is DateOnly left) member.LeftOn = left;
            if (r.Email is not null)
            {
                member.Email = r.Email;
                if (member.UserId is null) member.UserId = AccountFor(r, roles).Id;
            }
            var assignment = member.Assignments.FirstOrDefault(a => a.FiscalYear == Year && a.StartsOn == r.StartsOn);
            if (assignment is null)
            {
                assignment = new StaffAssignment { FiscalYear = Year, StartsOn = r.StartsOn };
                member.Assignments.Add(assignment);
            }
            assignment.OrgUnitId = r.Unit.Id;
            assignment.Position = r.Position;
            assignment.JobLevel = r.Level;
            assignment.SalaryGrade = r.Grade;
            assignment.Employment = r.Employment;
        }
        _units.Remember(Db);
        await Db.SaveChangesAsync(ct);
    }

    private AppUser AccountFor(Row r, Dictionary<string, string> roles)
    {
        if (_usersByEmail.TryGetValue(r.Email!.ToUpperInvariant(), out var user)) return user;
        user = new AppUser
        {
            UserName = r.Email, NormalizedUserName = r.Email!.ToUpperInvariant(), Email = r.Email, NormalizedEmail = r.Email!.ToUpperInvariant(),
            EmailConfirmed = true, DisplayName = r.Name, OrgUnitId = r.Unit.Id, SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(), MustChangePassword = true, LockoutEnabled = true,
        };
        Db.Users.Add(user);
        Db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[RoleOf(r.Level)] });
        _usersByEmail[r.Email!.ToUpperInvariant()] = user;
        return user;
    }
}
