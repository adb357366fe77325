namespace Komaki.Management.Core.Personnel;

/// 職員名簿: the personnel system's list of staff for a fiscal year (CSV or Excel), one row per person and post —
/// a transfer during the year is a second row with its 発令日. Each row stores exactly what it says or is refused with
/// the reason: the 職層 and 任用形態 must be one of the known words, the 所属 a registered unit (or one the user maps),
/// a 職員番号 appears once per 発令日. A row with a mail address links the staff member to the account of that address,
/// or creates one (without a password: an administrator sets the first one) with the role of the post.
public sealed class StaffImport(ImportContext context) : SheetImport(context)
{
    public const string Kind = "staff";

    public static readonly SheetKind Sheet = new(Kind, "職員名簿（人事評価）", context => new StaffImport(context), null, year => $"職員名簿_{Wareki.FiscalYearShort(year)}.csv");

    public static readonly FieldSpec Number = new("number", "職員番号", ["職員コード", "職員NO", "職員No.", "社員番号", "個人番号"], Required: true);
    public static readonly FieldSpec Name = new("name", "氏名", ["職員氏名", "名前", "氏名（漢字）"], Required: true);
    public static readonly FieldSpec Unit = new("unit", "所属", ["所属名", "部課名", "所属課", "配属先"], Required: true);
    public static readonly FieldSpec Position = new("position", "職名", ["職位", "役職", "役職名"], Required: true);
    public static readonly FieldSpec Level = new("level", "職層", ["評価区分", "職層区分", "職務の級区分"], Required: true);
    public static readonly FieldSpec Grade = new("grade", "級", ["給料表の級", "職務の級"]);
    public static readonly FieldSpec Employment = new("employment", "任用形態", ["任用区分", "雇用形態", "職員区分"], Required: true);
    public static readonly FieldSpec StartsOn = new("startsOn", "発令日", ["発令年月日", "異動日", "配属日"]);
    public static readonly FieldSpec Email = new("email", "メールアドレス", ["メール", "E-mail", "Email", "電子メール"]);

    private static readonly IReadOnlyList<FieldSpec> Fields = [Number, Name, Unit, Position, Level, Grade, Employment, StartsOn, Email];

    /// The words each 職層 and 任用形態 is written with (after width and space normalisation). Nothing else is read.
    private static readonly Dictionary<string, JobLevel> Levels = new()
    {
        ["部長級"] = JobLevel.DepartmentChief, ["部長"] = JobLevel.DepartmentChief,
        ["課長級"] = JobLevel.DivisionChief, ["課長"] = JobLevel.DivisionChief,
        ["係長級"] = JobLevel.SectionChief, ["係長"] = JobLevel.SectionChief,
        ["一般"] = JobLevel.General, ["一般職員"] = JobLevel.General, ["主任・主事級"] = JobLevel.General,
        ["会計年度任用"] = JobLevel.FiscalYearAppointee, ["会計年度任用職員"] = JobLevel.FiscalYearAppointee,
    };

    private static readonly Dictionary<string, EmploymentType> Employments = new()
    {
        ["正規"] = EmploymentType.Regular, ["正職員"] = EmploymentType.Regular, ["常勤"] = EmploymentType.Regular,
        ["再任用"] = EmploymentType.Reappointed, ["再任用職員"] = EmploymentType.Reappointed,
        ["会計年度任用"] = EmploymentType.FiscalYearAppointed, ["会計年度任用職員"] = EmploymentType.FiscalYearAppointed,
    };

    protected override SheetLayout Layout { get; } = new("職員名簿", Fields, Number.Key, Number.Header) { IdentityKeys = [Name.Key] };

    protected override bool AcceptsCsv => true;

    private sealed record Row(int Line, string Number, string Name, string? Email, int UnitId, OrgUnit Unit, string Position, JobLevel Level, int? Grade, EmploymentType Employment, DateOnly StartsOn);

    private UnitBook _units = null!;
    private Dictionary<string, StaffMember> _staff = [];
    private Dictionary<string, AppUser> _usersByEmail = [];
    private readonly List<Row> _rows = [];
    private readonly HashSet<(string, DateOnly)> _seen = [];
    private int _undated;
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
        var name = row.Text(Name.Key) ?? "";
        if (name.Length == 0) errors.Add($"氏名がありません（{row.Cell(Name.Key)}）。");
        if (number.Length > 20) errors.Add($"職員番号「{number}」が長すぎます（20文字まで）。");
        OrgUnit? unit = null;
        var unitName = row.Text(Unit.Key);
        if (unitName is null) errors.Add($"所属がありません（{row.Cell(Unit.Key)}）。");
        else if ((unit = _units.Find(unitName, Year)) is null) errors.Add(UnitBook.Unmapped(unitName));
        var position = row.Text(Position.Key) ?? "";
        if (position.Length == 0) errors.Add($"職名がありません（{row.Cell(Position.Key)}）。");
        var levelText = TextNormal.ForMatch(row.Text(Level.Key) ?? "");
        if (!Levels.TryGetValue(levelText, out var level))
            errors.Add($"職層「{row.Text(Level.Key)}」は読めません（{row.Cell(Level.Key)}。部長級・課長級・係長級・一般職員・会計年度任用職員のいずれかで書いてください）。");
        var employmentText = TextNormal.ForMatch(row.Text(Employment.Key) ?? "");
        if (!Employments.TryGetValue(employmentText, out var employment))
            errors.Add($"任用形態「{row.Text(Employment.Key)}」は読めません（{row.Cell(Employment.Key)}。正規・再任用・会計年度任用のいずれかで書いてください）。");
        int? grade = null;
        if (row.Text(Grade.Key) is string g)
        {
            if (NumberText.TryParse(g.Replace("級", ""), out var v) && v is decimal d && d == Math.Round(d) && d is >= 1 and <= 10) grade = (int)d;
            else errors.Add($"級「{g}」は1〜10の整数で書いてください（{row.Cell(Grade.Key)}）。");
        }
        var startsOn = new DateOnly(Year, 4, 1);
        if (row.Text(StartsOn.Key) is null) _undated++;
        else if (row.Text(StartsOn.Key) is string s)
        {
            if (!TryDate(s, out startsOn)) errors.Add($"発令日「{s}」を日付として読めません（{row.Cell(StartsOn.Key)}。2026/4/1 の形で書いてください）。");
            else if (Wareki.FiscalYearOf(startsOn) != Year) errors.Add($"発令日 {Wareki.Date(startsOn)} は{Wareki.FiscalYear(Year)}の日付ではありません。");
        }
        var email = row.Text(Email.Key)?.Trim();
        if (email is not null && (email.Length > 256 || !email.Contains('@') || email.Contains(' '))) errors.Add($"メールアドレス「{email}」の形が正しくありません（{row.Cell(Email.Key)}）。");
        if (!_seen.Add((number, startsOn))) errors.Add($"職員番号 {number} の発令日 {Wareki.Date(startsOn)} の行が2つあります。");
        if (email is not null && _usersByEmail.TryGetValue(email.ToUpperInvariant(), out var user)
            && _staff.Values.FirstOrDefault(m => m.UserId == user.Id && m.StaffNumber != number) is { } other)
            errors.Add($"メールアドレス {email} のアカウントは、すでに職員番号 {other.StaffNumber}（{other.Name}）に紐付いています。");
        if (errors.Count > 0)
        {
            Refuse(row, number, errors);
            return;
        }
        var r = new Row(row.Number, number, name, email, unit!.Id, unit, position, level, grade, employment, startsOn);
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
        Diff("所属", existing is null ? null : UnitName(existing.OrgUnitId), r.Unit.Name);
        Diff("職名", existing?.Position, r.Position);
        Diff("職層", existing?.JobLevel.Label(), r.Level.Label());
        Diff("級", existing?.SalaryGrade?.ToString(CultureInfo.InvariantCulture), r.Grade?.ToString(CultureInfo.InvariantCulture));
        Diff("任用形態", existing?.Employment.Label(), r.Employment.Label());
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
        if (_undated > 0) Report.Notes.Add($"発令日のない {_undated:N0} 行は、年度の初日（4月1日）からの所属として読みました。");
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

    private static bool TryDate(string text, out DateOnly date)
    {
        var s = text.Normalize(NormalizationForm.FormKC).Trim();
        string[] formats = ["yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss"];
        if (DateTime.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }
        // An Excel date cell arrives as its serial number.
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }
        date = default;
        return false;
    }
}
