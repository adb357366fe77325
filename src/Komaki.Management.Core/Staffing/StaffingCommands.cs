using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.Staffing;

/// Who may change which figure: the division's head requests (with the reason) until the personnel division assesses;
/// the personnel division (人事担当) sets 配分定数 and 実員, assesses (with the reason), and adds lines.
public static class StaffingAccess
{
    public static bool IsDivisionHead(Actor actor, int unitId, OrgTree org) =>
        actor.IsIn(Roles.DepartmentHead) && actor.UnitId is int mine && org.IsSameOrUnder(unitId, mine);

    public static bool IsPersonnel(Actor actor) => actor.IsIn(Roles.Personnel);

    public static bool CanRequest(Actor actor, StaffingLine line, OrgTree org) => IsDivisionHead(actor, line.OrgUnitId, org) && line.State != StaffingState.Assessed;
}

/// Saving a division's lines, the request, the assessment, the next year's allocation from the assessment, and the
/// year's settings.
public sealed class StaffingCommands(AppDbContext db, RecordSaver saver) : IUseCase
{
    public Task<List<StaffingLine>> ForEditAsync(int year, int unitId) =>
        db.StaffingLines.Where(l => l.FiscalYear == year && l.OrgUnitId == unitId).OrderBy(l => l.JobType).ThenBy(l => l.Employment).ToListAsync();

    /// The division head's request or the personnel division's figures and assessment, all lines or none.
    public async Task<CommandResult> SaveAsync(int year, int unitId, StaffingForm form, Actor actor, OrgTree org)
    {
        var lines = await ForEditAsync(year, unitId);
        var head = StaffingAccess.IsDivisionHead(actor, unitId, org);
        // Separation of duties: a personnel officer who heads the unit requests for it; an officer of another unit assesses it.
        var personnel = StaffingAccess.IsPersonnel(actor) && !SeparationOfDuties.IsAboutOwnUnit(actor, unitId, org);
        var result = new CommandResult();
        var edits = new List<(IVersioned, int)>();
        // The request is made by typing it: a form sent back as it was shown requests nothing.
        var requesting = head && form.Lines.Any(r => lines.FirstOrDefault(l => l.Id == r.Id) is not { } l
            ? !string.IsNullOrWhiteSpace(r.Requested) || !string.IsNullOrWhiteSpace(r.RequestReason)
            : Clean(r.Requested) != Format(l.Requested) || Clean(r.RequestReason) != l.RequestReason);
        for (var i = 0; i < form.Lines.Count; i++)
        {
            var row = form.Lines[i];
            var line = row.Id == 0 ? null : lines.FirstOrDefault(l => l.Id == row.Id);
            if (row.Id != 0 && line is null) { result.Add($"Lines[{i}].JobType", "この行は、この課のこの年度の行ではありません。"); continue; }
            if (line is null)
            {
                // The empty row for a new line is skipped only when nothing at all was typed in it: never dropped in silence.
                if (row.JobType is null && row.Employment is null && new[] { row.Allocated, row.ActualApril1, row.Requested, row.RequestReason, row.Assessed, row.AssessmentReason }.All(string.IsNullOrWhiteSpace)) continue;
                if (!personnel) { result.Add($"Lines[{i}].JobType", "行を加えられるのは人事担当です。"); continue; }
                if (row.JobType is not JobType j || !Enum.IsDefined(j)) result.Add($"Lines[{i}].JobType", "職種を選んでください。");
                if (row.Employment is not Personnel.EmploymentType em || !Enum.IsDefined(em)) result.Add($"Lines[{i}].Employment", "任用形態を選んでください。");
                if (lines.Any(l => l.JobType == row.JobType && l.Employment == row.Employment)) result.Add($"Lines[{i}].JobType", "同じ職種・任用形態の行がすでにあります。");
                line = new StaffingLine { FiscalYear = year, OrgUnitId = unitId, JobType = row.JobType ?? JobType.Administrative, Employment = row.Employment ?? Personnel.EmploymentType.Regular };
                db.StaffingLines.Add(line);
                lines.Add(line);
            }
            else
            {
                edits.Add((line, row.Version));
            }
            if (personnel)
            {
                if (Read(row.Allocated, $"Lines[{i}].Allocated", "配分定数", result, required: true) is decimal a) line.Allocated = a;
                line.ActualApril1 = Read(row.ActualApril1, $"Lines[{i}].ActualApril1", "4月1日の実員", result);
                var assessed = Read(row.Assessed, $"Lines[{i}].Assessed", "査定数", result);
                if (assessed is not null && line.Requested is null)
                    result.Add($"Lines[{i}].Assessed", "要求の出ていない行は査定できません（課の要求を待ってください）。");
                else if (assessed is not null && assessed != line.Requested && string.IsNullOrWhiteSpace(row.AssessmentReason))
                    result.Add($"Lines[{i}].AssessmentReason", "要求と違う査定数にするときは、査定の理由を書いてください。");
                line.Assessed = assessed;
                if (assessed is null && Clean(row.AssessmentReason) is not null)
                    result.Add($"Lines[{i}].Assessed", "査定の理由だけでは査定になりません。査定数を入力してください。");
                line.AssessmentReason = Clean(row.AssessmentReason);
                // Clearing the 査定数 takes the assessment back: the line is 要求済 again and the division may change its request.
                line.State = line.StateOfFigures;
            }
            if (requesting && line.State != StaffingState.Assessed)
            {
                // A blank request is recorded as the allocation unchanged, so every line of the division is answered.
                var requested = Read(row.Requested, $"Lines[{i}].Requested", "要求数", result) ?? line.Allocated;
                if (requested != line.Allocated && string.IsNullOrWhiteSpace(row.RequestReason))
                    result.Add($"Lines[{i}].RequestReason", "配分定数から増やす・減らす要求には理由を書いてください。");
                line.Requested = requested;
                line.RequestReason = Clean(row.RequestReason);
                line.State = line.StateOfFigures;
            }
            else if (!personnel && (Clean(row.Requested) != Format(line.Requested) || Clean(row.RequestReason) != line.RequestReason)
                || personnel && (Differs(row.Requested, Format(line.Requested)) || Differs(row.RequestReason, line.RequestReason)))
            {
                // Never dropped in silence: a request typed by someone who may not make it is refused beside it.
                result.Add($"Lines[{i}].Requested", head ? "査定済の行の要求は変えられません。"
                    : personnel ? "要求数と要求の理由は、その課の所属長が入力します（人事担当が入力するのは配分定数・実員・査定です）。"
                    : "要求を出せるのは、その課の所属長です。");
            }
            if (!personnel && row.Id != 0 && (Differs(row.Allocated, Format(line.Allocated)) || Differs(row.ActualApril1, Format(line.ActualApril1))
                || Differs(row.Assessed, Format(line.Assessed)) || Differs(row.AssessmentReason, line.AssessmentReason)))
            {
                result.Add($"Lines[{i}].Assessed", StaffingAccess.IsPersonnel(actor)
                    ? "自分の所属の配分定数・実員・査定は入力できません。ほかの所属の人事担当者が入力します。"
                    : "配分定数・実員・査定を入力するのは人事担当です。");
            }
        }
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return result;
        }
        return edits.Count > 0 ? await saver.SaveEditsAsync(edits, new AuditTarget(nameof(StaffingLine), edits[0].Item1 is StaffingLine s ? s.Id : 0)) : await saver.SaveAsync();
    }

    /// 次年度の配分: the next year's lines with the assessed numbers as their 配分定数. Every line of the year must be assessed.
    /// With something missing (StaffingPages.AllocationGaps) only with a reason, recorded on the year with what was
    /// missing; an unassessed line then goes on with this year's 配分定数.
    public async Task<(CommandResult Result, int Created)> AllocateNextYearAsync(int year, OrgTree org, string? reason, string userName, DateOnly today)
    {
        var lines = await db.StaffingLines.AsNoTracking().Where(l => l.FiscalYear == year).ToListAsync();
        if (lines.Count == 0) return (CommandResult.Refused(string.Empty, "この年度の定員の行がありません。"), 0);
        if (await db.StaffingLines.AnyAsync(l => l.FiscalYear == year + 1)) return (CommandResult.Refused(string.Empty, $"{Wareki.FiscalYear(year + 1)}の配分はすでにあります。"), 0);
        var missing = StaffingPages.AllocationGaps(year, org, lines.Select(l => (l.OrgUnitId, l.State, l.Assessed)).ToList());
        if (missing.Count > 0)
        {
            if (string.IsNullOrWhiteSpace(reason))
                return (CommandResult.Refused("Comment", $"そろっていないところが {missing.Count:N0}件あります。このまま配分を作るときは、理由を書いてください（記録に残ります）。"), 0);
            var settings = await db.StaffingYears.FirstOrDefaultAsync(y => y.FiscalYear == year);
            if (settings is null) return (CommandResult.Refused("Comment", $"{Wareki.FiscalYear(year)}の定員管理の設定がないため、理由を記録できません。先に設定を保存してください。"), 0);
            // The reason is kept whole (AllocationForm keeps it to half the note); what was missing is shortened to fit.
            var max = ModelLengths.Of<StaffingYear>(y => y.AllocationNote);
            string Note(string what) => $"{Wareki.Date(today)} {userName}：{what} のまま{Wareki.FiscalYear(year + 1)}の配分を作成。理由：{reason.Trim()}";
            var what = string.Join("／", missing);
            var room = max - Note("").Length;
            if (what.Length > room) what = room > 1 ? what[..(room - 1)] + "…" : "";
            var note = Note(what);
            settings.AllocationNote = note.Length > max ? note[..max] : note;
        }
        foreach (var l in lines)
            db.StaffingLines.Add(new StaffingLine { FiscalYear = year + 1, OrgUnitId = l.OrgUnitId, JobType = l.JobType, Employment = l.Employment, Allocated = l.Assessed ?? l.Allocated });
        return (await saver.SaveAsync(), lines.Count);
    }

    /// 確定 of the year's 部門別職員数 for publication: the table as the lines read now becomes an edition of its own,
    /// which later changes of lines, reasons or names never reach. A second edition of the year is a 訂正: it needs a
    /// reason and something that differs from the edition before.
    public async Task<(CommandResult Result, int Edition)> ConfirmTableAsync(int year, OrgTree org, string? reason, string userName, DateTime now)
    {
        var rows = await new StaffingPages(db).PublicationTableAsync(year, org);
        if (rows.Count == 0) return (CommandResult.Refused(string.Empty, $"{Wareki.FiscalYear(year)}の部門別職員数に載る職員がいません。"), 0);
        var latest = await db.StaffingTableEditions.AsNoTracking().Where(e => e.FiscalYear == year).OrderByDescending(e => e.Edition).FirstOrDefaultAsync();
        var max = ModelLengths.Of<StaffingTableEdition>(e => e.Correction);
        if (latest is not null)
        {
            if (StaffingTableEdition.Write(latest.Table) == StaffingTableEdition.Write(rows))
                return (CommandResult.Refused(string.Empty, $"確定した第{latest.Edition}版から変わったところがありません。"), 0);
            if (string.IsNullOrWhiteSpace(reason)) return (CommandResult.Refused("Comment", "確定した表を訂正する理由を書いてください（表の下に訂正として示します）。"), 0);
        }
        if ((reason?.Trim().Length ?? 0) > max) return (CommandResult.Refused("Comment", $"理由は{max}文字以内で入力してください。"), 0);
        var edition = new StaffingTableEdition
        {
            FiscalYear = year, Edition = (latest?.Edition ?? 0) + 1, ConfirmedAt = now, ConfirmedBy = userName,
            Correction = latest is null ? null : reason!.Trim(), Rows = StaffingTableEdition.Write(rows),
        };
        db.StaffingTableEditions.Add(edition);
        return (await saver.SaveAsync(), edition.Edition);
    }

    /// Stores the year's settings; the form has passed StaffingYearFormValidator, which says what each must be.
    public async Task<CommandResult> SaveYearAsync(int year, StaffingYearForm form)
    {
        var readable = StaffingYearForm.ReadWhole(form.OrdinanceQuota, 1, out var quota) & StaffingYearForm.ReadWhole(form.PlanTarget, 0, out var target)
            & NumberText.TryParse(form.Tolerance, out var tolerance);
        if (!readable || quota is null || form.RequestDue is null || form.AssessmentDue is null || tolerance is null)
            return CommandResult.Refused(nameof(form.OrdinanceQuota), "条例定数・期限・許容差を入力してください。");
        var parsed = new Dictionary<(JobType, Personnel.EmploymentType?), long>();
        foreach (var (job, employment) in StaffingYearForm.CostKinds)
        {
            var typed = form.Costs.FirstOrDefault(c => c.Job == job && c.Employment == employment)?.Cost;
            if (StaffingYearForm.ReadWhole(typed, 1, out var cost) && cost is long c) parsed[(job, employment)] = c;
        }
        var y = await db.StaffingYears.Include(x => x.UnitCosts).FirstOrDefaultAsync(x => x.FiscalYear == year);
        if (y is null) db.StaffingYears.Add(y = new StaffingYear { FiscalYear = year });
        y.OrdinanceQuota = (int)quota.Value;
        y.PlanTarget = (int?)target;
        y.RequestDue = form.RequestDue.Value;
        y.AssessmentDue = form.AssessmentDue.Value;
        y.Tolerance = tolerance.Value;
        foreach (var gone in y.UnitCosts.Where(c => !parsed.ContainsKey((c.JobType, c.Employment))).ToList()) y.UnitCosts.Remove(gone);
        foreach (var ((job, employment), cost) in parsed)
        {
            if (y.UnitCosts.FirstOrDefault(c => c.JobType == job && c.Employment == employment) is { } kept) kept.CostPerPersonYear = cost;
            else y.UnitCosts.Add(new StaffingUnitCost { JobType = job, Employment = employment, CostPerPersonYear = cost });
        }
        return await saver.SaveAsync();
    }

    /// The year's settings as the form shows them; a year without settings starts from the usual due dates.
    public static StaffingYearForm YearFormOf(int year, StaffingYear? s) => new()
    {
        OrdinanceQuota = s?.OrdinanceQuota.ToString(CultureInfo.InvariantCulture),
        PlanTarget = s?.PlanTarget?.ToString(CultureInfo.InvariantCulture),
        RequestDue = s?.RequestDue ?? new DateOnly(year, 11, 30),
        AssessmentDue = s?.AssessmentDue ?? new DateOnly(year + 1, 1, 31),
        Tolerance = (s?.Tolerance ?? 0.5m).ToString("0.##", CultureInfo.InvariantCulture),
        Costs = [.. StaffingYearForm.CostKinds.Select(k => new UnitCostRow
        {
            Job = k.Job, Employment = k.Employment,
            Cost = s?.UnitCosts.FirstOrDefault(c => c.JobType == k.Job && c.Employment == k.Employment)?.CostPerPersonYear.ToString(CultureInfo.InvariantCulture),
        })],
    };

    private static decimal? Read(string? text, string field, string label, CommandResult result, bool required = false)
    {
        if (!StaffingFormValidator.ReadCount(text, out var v)) { result.Add(field, StaffingFormValidator.CountMessage(label)); return null; }
        if (v is null && required) result.Add(field, $"{label}を入力してください。");
        return v;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// A field the person may not set, sent with something other than what is stored (a field not sent is not asked for).
    private static bool Differs(string? posted, string? stored) => Clean(posted) is string p && p != stored;

    private static string? Format(decimal? v) => v is null ? null : NumberText.Format(v);
}
