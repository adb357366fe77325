using Komaki.Management.Core.Budgets;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.BudgetFormulation;

// Every bound property carries its Japanese name: a tampered value is refused as 「…」は段階として正しくありません, never
// with the property's English name (BudgetFormWordingTests).
public sealed class RoundForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "予算編成方針")]
    public string? Policy { get; set; }
    [Display(Name = "段階と期限")]
    public List<RoundStageRow> Stages { get; set; } = [];
    [Display(Name = "部ごとの枠")]
    public List<FrameRow> Frames { get; set; } = [];
}

public sealed class RoundStageRow
{
    [Display(Name = "段階")]
    public BudgetStage Stage { get; set; }
    [Display(Name = "使う")]
    public bool InUse { get; set; }
    [Display(Name = "期限")]
    public DateOnly? DueOn { get; set; }
}

public sealed class FrameRow
{
    [Display(Name = "部")]
    public int DepartmentId { get; set; }
    /// 千円, blank for a 部 without a frame.
    [Display(Name = "枠（一般財源）")]
    public string? GeneralFund { get; set; }
}

/// Amounts as staff type them (千円): the request's and an assessment's.
public class AmountsForm : FundingForm
{
    [Display(Name = "歳出")]
    public string? Expenditure { get; set; }
    [Display(Name = "理由")]
    public string? Reason { get; set; }

    public static T Of<T>(IFunded f, string? reason) where T : AmountsForm, new()
    {
        ArgumentNullException.ThrowIfNull(f);
        var form = new T { Expenditure = Amounts.Thousands(f.Expenditure), Reason = reason };
        form.Show(f.Funding);
        return form;
    }
}

public sealed class RequestForm : AmountsForm
{
    [Display(Name = "版")]
    public int Version { get; set; }
    [Display(Name = "新規")]
    public bool IsNew { get; set; }
    /// Every 節 of the standard list, in order; the amounts left blank are the 節 not used.
    [Display(Name = "節別の内訳")]
    public List<SetsuRow> Setsu { get; set; } = SetsuList.All.Select(s => new SetsuRow { Number = s.Number }).ToList();

    public static RequestForm Of(BudgetRequest? request)
    {
        if (request is null) return new RequestForm();
        var form = Of<RequestForm>(request, request.Reason);
        form.Version = request.Version;
        form.IsNew = request.IsNew;
        foreach (var row in form.Setsu) row.Amount = Amounts.Thousands(request.Breakdown.FirstOrDefault(b => b.Setsu == row.Number)?.Amount);
        return form;
    }
}

public sealed class AssessForm : AmountsForm
{
    /// What the form was opened on (BudgetShown.Draft): a stale form never overwrites another's assessment.
    [Display(Name = "開いたときの内容")]
    public string? Shown { get; set; }
}

/// The writes of 予算編成: the policy, a request, its submission, an assessment's draft, committing a stage for a 部
/// (with the reasons for what goes against the evaluation), 復活要求 and its answer. Submitting and committing also
/// carry the amounts into the budget table (BudgetLine: 要求額, 査定額), so the two never differ.
public sealed class BudgetFormulationCommands(AppDbContext db, RecordSaver saver, CityClock clock, BudgetFormulationPages pages, DirectionCatalog directions) : IUseCase
{
    // The limits of the texts a step keeps, read from the model (its configuration), never typed here.
    private static readonly int PolicyLength = ModelLengths.Of<BudgetRound>(r => r.Policy);
    private static readonly int ReasonLength = ModelLengths.Of<BudgetStageEntry>(e => e.Reason);
    private static readonly int CheckReasonLength = ModelLengths.Of<BudgetStageEntry>(e => e.CheckReason);
    private static readonly int UnrequestedLength = ModelLengths.Of<BudgetStageCommit>(c => c.Unrequested);
    private static readonly int RestorationReasonLength = ModelLengths.Of<BudgetRestoration>(r => r.Reason);
    private static readonly int AnswerLength = ModelLengths.Of<BudgetRestoration>(r => r.Answer);

    public async Task<CommandResult> SaveRoundAsync(int year, RoundForm form, OrgTree org)
    {
        var result = new CommandResult();
        var round = await db.BudgetRounds.Include(r => r.Stages).Include(r => r.Frames).FirstOrDefaultAsync(r => r.FiscalYear == year);
        var isNew = round is null;
        if (round is null) db.BudgetRounds.Add(round = BudgetRound.Defaults(year));
        if ((form.Policy?.Length ?? 0) > PolicyLength) result.Add(nameof(form.Policy), $"予算編成方針は{PolicyLength:N0}文字以内で入力してください。");
        // Once a stage is committed for any 部 the chain of stages is what its snapshots were taken along: turning a
        // stage on or off would change what the next stage starts from. Due dates may still move.
        var started = !isNew && await db.BudgetStageCommits.AnyAsync(c => c.FiscalYear == year);
        DateOnly? last = null;
        for (var i = 0; i < form.Stages.Count; i++)
        {
            var row = form.Stages[i];
            var stage = round.Stages.FirstOrDefault(s => s.Stage == row.Stage);
            if (stage is null) { result.Add($"Stages[{i}].DueOn", "段階が見つかりません。"); continue; }
            // Two rows for one stage: the later would silently win over the earlier.
            if (form.Stages.Take(i).Any(r => r.Stage == row.Stage)) { result.Add($"Stages[{i}].DueOn", $"{row.Stage.Label()}の行が二つ送られました。一つの段階に期限は一つです。画面を開き直して入力してください。"); continue; }
            var required = row.Stage is BudgetStage.Request or BudgetStage.FinanceAssessment or BudgetStage.Proposal;
            if (!row.InUse && required) result.Add($"Stages[{i}].InUse", $"{row.Stage.Label()}は省けません。");
            else if (started && row.InUse != stage.InUse) result.Add($"Stages[{i}].InUse", $"段階の確定が始まっているため、{row.Stage.Label()}を使うかどうかは変えられません（期限は変えられます）。");
            if (row.DueOn is null) { result.Add($"Stages[{i}].DueOn", $"{row.Stage.Label()}の期限を入力してください。"); continue; }
            if (row.InUse && last is DateOnly l && row.DueOn < l) result.Add($"Stages[{i}].DueOn", $"{row.Stage.Label()}の期限は前の段階の期限より後にしてください。");
            if (row.InUse) last = row.DueOn;
            stage.InUse = row.InUse || required;
            stage.DueOn = row.DueOn.Value;
        }
        for (var i = 0; i < form.Frames.Count; i++)
        {
            var row = form.Frames[i];
            if (org.Find(row.DepartmentId) is not { Level: OrgUnitLevel.Department } department) { result.Add($"Frames[{i}].GeneralFund", "部が見つかりません。"); continue; }
            if (form.Frames.Take(i).Any(f => f.DepartmentId == row.DepartmentId))
            {
                result.Add($"Frames[{i}].GeneralFund", $"{department.Name}の枠が二つ送られました。一つの部に枠は一つです。画面を開き直して入力してください。");
                continue;
            }
            if (!Amounts.TryParse(row.GeneralFund, 1000, out var yen) || yen < 0) { result.Add($"Frames[{i}].GeneralFund", "枠（一般財源）は0以上の千円単位の数値で入力してください。"); continue; }
            var frame = round.Frames.FirstOrDefault(f => f.DepartmentId == row.DepartmentId);
            if (yen is null) { if (frame is not null) round.Frames.Remove(frame); }
            else if (frame is null) round.Frames.Add(new BudgetFrame { DepartmentId = row.DepartmentId, GeneralFund = yen.Value });
            else frame.GeneralFund = yen.Value;
        }
        round.Policy = string.IsNullOrWhiteSpace(form.Policy) ? null : form.Policy.Trim();
        if (!result.Succeeded) { db.ChangeTracker.Clear(); return result; }
        // The frames and stages belong to the round: a change to them is a change of the round's version.
        if (!isNew && db.ChangeTracker.Entries().Any(e => e.State != EntityState.Unchanged && e.Entity is not BudgetRound)) db.Entry(round).State = EntityState.Modified;
        return isNew ? await saver.SaveAsync() : await saver.SaveEditAsync(round, form.Version, round.AuditTarget);
    }

    /// Reads the five amounts and the 歳出; every field's message beside it, the funding's beside 一般財源.
    private static (long Expenditure, Funding Funding)? Read(AmountsForm form, CommandResult result, bool requireReason, string reasonLabel)
    {
        long Field(string? text, string name, string label)
        {
            if (!Amounts.TryParse(text, 1000, out var yen) || yen < 0) { result.Add(name, $"{label}は0以上の千円単位の数値で入力してください。"); return 0; }
            return yen ?? 0;
        }
        var before = result.Errors.Count;
        if (string.IsNullOrWhiteSpace(form.Expenditure)) result.Add(nameof(form.Expenditure), "歳出（要求額）を入力してください。");
        var e = Field(form.Expenditure, nameof(form.Expenditure), "歳出");
        var f = form.ReadFunding((text, part) => Field(text, part.Field, part.Label));
        if (result.Errors.Count == before && BudgetChecks.FundingMismatch(e, f) is { } mismatch) result.Add(nameof(form.General), mismatch);
        if (requireReason && string.IsNullOrWhiteSpace(form.Reason)) result.Add(nameof(form.Reason), $"{reasonLabel}を入力してください。");
        if ((form.Reason?.Length ?? 0) > ReasonLength) result.Add(nameof(form.Reason), $"{reasonLabel}は{ReasonLength:N0}文字以内で入力してください。");
        return result.Errors.Count == before ? (e, f) : null;
    }

    /// A request that arrives after its 部's first stage past 要求 was committed (追加要求) is refused, not slipped in: the
    /// committed stage is the 部's snapshot — its totals, its 査定調書 — and a line without that stage could never be
    /// carried to the next one. The 財政課 takes such a need outside the round (補正予算), as it would on paper.
    public async Task<string?> ClosedForRequestsAsync(int year, int unitId, OrgTree org)
    {
        var department = org.DepartmentOf(unitId)?.Id ?? unitId;
        var first = await db.BudgetStageCommits.AsNoTracking().Where(c => c.FiscalYear == year && c.DepartmentId == department)
            .OrderBy(c => c.Stage).Select(c => (BudgetStage?)c.Stage).FirstOrDefaultAsync();
        return first is BudgetStage s ? ClosedMessage(org, department, s) : null;
    }

    /// The same, from the year's commits as the caller holds them (the request form, shown from what is kept).
    public static string? ClosedForRequests(IEnumerable<BudgetStageCommit> yearCommits, int unitId, OrgTree org)
    {
        var department = org.DepartmentOf(unitId)?.Id ?? unitId;
        var first = yearCommits.Where(c => c.DepartmentId == department).Select(c => (BudgetStage?)c.Stage).Min();
        return first is BudgetStage s ? ClosedMessage(org, department, s) : null;
    }

    /// Why a 部 takes no more requests once its first stage was committed: the wording of every door (screen and sheet).
    public static string ClosedMessage(OrgTree org, int department, BudgetStage committed) =>
        $"{org.PathName(department)}の{committed.Label()}は確定済のため、この年度の要求はもう受け付けていません（確定した段階には行を足せません）。どうしても必要な経費は、財政課に追加要求として相談してください（補正予算で扱います）。";

    /// The 節 given (amounts of 0 or blank are 節 not used), in order; when any is given they add up to the 歳出. Null when
    /// a 節 is refused, with its message beside it, or the sum's beside the list.
    private static List<(int Setsu, long Amount)>? ReadSetsu(RequestForm form, CommandResult result, long? expenditure)
    {
        var before = result.Errors.Count;
        var given = new List<(int, long)>();
        for (var i = 0; i < form.Setsu.Count; i++)
        {
            var row = form.Setsu[i];
            if (SetsuList.All.All(s => s.Number != row.Number)) { result.Add($"Setsu[{i}].Amount", "節が見つかりません。"); continue; }
            if (form.Setsu.Take(i).Any(r => r.Number == row.Number)) { result.Add($"Setsu[{i}].Amount", $"{SetsuList.Label(row.Number)}の欄が二つ送られました。一つの節に金額は一つです。画面を開き直して入力してください。"); continue; }
            if (!Amounts.TryParse(row.Amount, 1000, out var yen) || yen < 0) { result.Add($"Setsu[{i}].Amount", $"{SetsuList.Label(row.Number)}は0以上の千円単位の数値で入力してください。"); continue; }
            if (yen is long amount && amount > 0 && given.All(g => g.Item1 != row.Number)) given.Add((row.Number, amount));
        }
        if (result.Errors.Count > before) return null;
        var sum = given.Sum(g => g.Item2);
        if (given.Count > 0 && expenditure is long e && sum != e)
        {
            result.Add("Setsu", $"節の内訳の合計（{Amounts.Thousands(sum)}千円）が歳出（{Amounts.Thousands(e)}千円）と一致しません。節に分けないときは、すべて空欄にします。");
            return null;
        }
        return given.OrderBy(g => g.Item1).ToList();
    }

    /// The 課's request: created for a project of the year or changed until submitted.
    public async Task<CommandResult> SaveRequestAsync(int year, int projectId, RequestForm form, Actor actor, OrgTree org)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId);
        if (project is null) return CommandResult.Refused(string.Empty, "事業が見つかりません。");
        var request = await db.BudgetRequests.FirstOrDefaultAsync(r => r.FiscalYear == year && r.ProjectId == projectId);
        if (BudgetAccess.CheckEnter(actor, request?.OrgUnitId ?? project.OwnerUnitId, request, org) is { } refused) return CommandResult.Refused(string.Empty, refused);
        if (await ClosedForRequestsAsync(year, request?.OrgUnitId ?? project.OwnerUnitId, org) is { } closed) return CommandResult.Refused(string.Empty, closed);
        var result = new CommandResult();
        var a = Read(form, result, requireReason: true, "要求理由");
        var breakdown = ReadSetsu(form, result, a?.Expenditure);
        if (a is null || breakdown is null) return result;
        var reason = form.Reason!.Trim();
        if (request is not null) await db.Entry(request).Collection(r => r.Breakdown).LoadAsync();
        var sameBreakdown = request is not null && request.Breakdown.OrderBy(b => b.Setsu).Select(b => (b.Setsu, b.Amount)).SequenceEqual(breakdown);
        if (request is not null && (request.Expenditure, request.Funding) == a.Value && request.Reason == reason && request.IsNew == form.IsNew && sameBreakdown)
            return CommandResult.Ok(request.Id);
        var isNew = request is null;
        if (request is null) db.BudgetRequests.Add(request = new BudgetRequest { FiscalYear = year, ProjectId = projectId, OrgUnitId = project.OwnerUnitId });
        (request.Expenditure, request.Funding) = a.Value;
        request.Breakdown.RemoveAll(b => !breakdown.Any(x => x.Setsu == b.Setsu));
        foreach (var (setsu, amount) in breakdown)
        {
            if (request.Breakdown.FirstOrDefault(b => b.Setsu == setsu) is { } row) row.Amount = amount;
            else request.Breakdown.Add(new BudgetRequestSetsu { Setsu = setsu, Amount = amount });
        }
        request.Reason = reason;
        request.IsNew = form.IsNew;
        request.EnteredBy = actor.UserName;
        var saved = isNew ? await saver.SaveAsync() : await saver.SaveEditAsync(request, form.Version, request.AuditTarget);
        return saved.Succeeded ? CommandResult.Ok(request.Id) : saved;
    }

    /// What submitting a request would have to explain: the checks against the evaluation and the 実施計画.
    public async Task<IReadOnlyList<string>> FindingsAsync(BudgetRequest request, IFunded amounts) =>
        BudgetChecks.Check(amounts.Expenditure, (await pages.ContextAsync(request.FiscalYear, [request.ProjectId])).GetValueOrDefault(request.ProjectId) ?? LineContext.None, directions);

    /// The head submits: the request becomes the line's 要求 stage, with the reason for any finding.
    public async Task<CommandResult> SubmitAsync(int requestId, SubmitForm form, Actor actor, OrgTree org)
    {
        var checkReason = form.Comment;
        var request = await db.BudgetRequests.Include(r => r.Entries).FirstOrDefaultAsync(r => r.Id == requestId);
        if (request is null) return CommandResult.Refused(string.Empty, "要求が見つかりません。");
        if (BudgetAccess.CheckSubmit(actor, request, org) is { } refused) return CommandResult.Refused(string.Empty, refused);
        if (await ClosedForRequestsAsync(request.FiscalYear, request.OrgUnitId, org) is { } closed) return CommandResult.Refused(string.Empty, closed);
        if (!BudgetShown.Same(form.Shown, BudgetShown.Request(request))) return CommandResult.Refused(string.Empty, BudgetShown.Changed);
        var findings = await FindingsAsync(request, request);
        if (findings.Count > 0 && string.IsNullOrWhiteSpace(checkReason))
            return CommandResult.Refused("Comment", "評価・実施計画と食い違う点があります。提出する理由を書いてください（査定調書に載ります）。");
        if ((checkReason?.Length ?? 0) > CheckReasonLength) return CommandResult.Refused("Comment", $"理由は{CheckReasonLength:N0}文字以内で入力してください。");
        var now = clock.UtcNow;
        request.SubmittedAt = now;
        request.SubmittedBy = actor.UserName;
        var entry = Entry(request, BudgetStage.Request, request.Reason, actor.UserName, now);
        entry.Committed = true;
        entry.CheckReason = findings.Count > 0 ? checkReason!.Trim() : null;
        request.Entries.Add(entry);
        await SyncBudgetLinesAsync(request.FiscalYear, [(request.ProjectId, BudgetStage.Request, request.Expenditure)]);
        return await saver.SaveAsync(request.Id);
    }

    private static BudgetStageEntry Entry(IFunded f, BudgetStage stage, string? reason, string by, DateTime at) => new()
    {
        Stage = stage, Expenditure = f.Expenditure, Funding = f.Funding, Reason = reason, RecordedBy = by, RecordedAt = at,
    };

    /// An assessor's draft for a line at a stage (財政課査定, 市長査定, 復活査定, 予算案): the amounts and the reason.
    /// The same amounts as the stage it starts from and no reason is no draft.
    public async Task<CommandResult> SaveDraftAsync(int requestId, BudgetStage stage, AssessForm form, Actor actor, OrgTree org)
    {
        var request = await db.BudgetRequests.Include(r => r.Entries).Include(r => r.Restorations).FirstOrDefaultAsync(r => r.Id == requestId);
        if (request is null) return CommandResult.Refused(string.Empty, "要求が見つかりません。");
        var round = await pages.RoundAsync(request.FiscalYear);
        if (round?.StageOf(stage) is null || stage is BudgetStage.Request or BudgetStage.Restoration or BudgetStage.Notice)
            return CommandResult.Refused(string.Empty, $"この年度の予算編成では「{stage.Label()}」を入力できません。");
        if (BudgetAccess.CheckAssessLine(actor, stage, request, org) is { } refused) return CommandResult.Refused(string.Empty, refused);
        if (request.Entries.Any(e => e.Stage == stage && e.Committed)) return CommandResult.Refused(string.Empty, $"{stage.Label()}は確定済です。確定した額は変えられません。");
        var from = StartingPoint(request, round, stage);
        if (from is null) return CommandResult.Refused(string.Empty, $"前の段階が確定していないため、{stage.Label()}はまだ入力できません。");
        var draft = request.Entries.FirstOrDefault(e => e.Stage == stage && !e.Committed);
        if (!BudgetShown.Same(form.Shown, BudgetShown.Draft(stage, from, draft))) return CommandResult.Refused(string.Empty, BudgetShown.Changed);
        var result = new CommandResult();
        if (Read(form, result, requireReason: false, "査定の理由") is not { } a) return result;
        var reason = string.IsNullOrWhiteSpace(form.Reason) ? null : form.Reason.Trim();
        var same = a == (from.Expenditure, from.Funding);
        if (!same && reason is null) return CommandResult.Refused(nameof(form.Reason), "前の段階と違う額にするときは、査定の理由を書いてください。");
        if (draft is null && same && reason is null) return CommandResult.Ok(request.Id);
        if (draft is not null && (draft.Expenditure, draft.Funding) == a && draft.Reason == reason) return CommandResult.Ok(request.Id);
        // Who entered the draft and when is its amounts': rewording the reason keeps them.
        if (draft is null || (draft.Expenditure, draft.Funding) != a)
        {
            if (draft is null) request.Entries.Add(draft = new BudgetStageEntry { Stage = stage });
            draft.RecordedBy = actor.UserName;
            draft.RecordedAt = clock.UtcNow;
        }
        (draft.Expenditure, draft.Funding) = a;
        draft.Reason = reason;
        return await saver.SaveAsync(request.Id);
    }

    /// The amounts a stage starts from for a line: the previous stage's committed entry, with — at 復活要求 and 復活査定 —
    /// the amount asked or granted added to 歳出 and 一般財源.
    public static IFunded? StartingPoint(BudgetRequest request, BudgetRound round, BudgetStage stage)
    {
        var previous = round.Previous(stage);
        var before = previous is BudgetStage p ? request.Entries.FirstOrDefault(e => e.Stage == p && e.Committed) : null;
        if (before is null) return null;
        // 復活査定 grants on top of 内示, not on top of what was asked.
        if (stage == BudgetStage.RestorationAssessment && request.Entries.FirstOrDefault(e => e.Stage == BudgetStage.Notice && e.Committed) is { } notice) before = notice;
        var restoration = request.Restorations.OrderByDescending(r => r.Id).FirstOrDefault();
        var added = stage switch
        {
            BudgetStage.Restoration => restoration?.Amount ?? 0,
            BudgetStage.RestorationAssessment => restoration?.Granted ?? 0,
            _ => 0,
        };
        return added == 0 ? before : new Funded(before.Expenditure + added, before.Funding.WithMoreGeneral(added));
    }

    private sealed record Funded(long Expenditure, Funding Funding) : IFunded;

    /// What committing a stage for a 部 needs and finds: what is missing (refuses), and per line the findings to explain.
    /// year: the year's round and commits when the caller holds them as kept (the confirmation page, read again on every
    /// change of the budget); the lines and what they are checked against are read afresh all the same.
    public async Task<(List<string> Missing, List<(FormulationLine Line, IFunded Amounts, IReadOnlyList<string> Findings)> Checked)> PrepareCommitAsync(int year, BudgetStage stage, int departmentId, OrgTree org,
        (BudgetRound? Round, IReadOnlyList<BudgetStageCommit> Commits)? known = null)
    {
        var missing = new List<string>();
        var round = known is { } k ? k.Round : await pages.RoundAsync(year);
        var lines = await pages.LinesToCheckAsync(year, org, org.SelfAndDescendants(departmentId).ToList());
        if (round?.StageOf(stage) is null || stage == BudgetStage.Request) { missing.Add($"この年度の予算編成に「{stage.Label()}」の段階はありません。"); return (missing, []); }
        var commits = known?.Commits ?? await pages.CommitsAsync(year);
        if (commits.Any(c => c.Stage == stage && c.DepartmentId == departmentId)) missing.Add($"{org.PathName(departmentId)}の{stage.Label()}は確定済です。");
        if (lines.Count == 0) missing.Add($"{org.PathName(departmentId)}の要求がありません。");
        var previous = round.Previous(stage);
        if (previous is BudgetStage p && p != BudgetStage.Request && !commits.Any(c => c.Stage == p && c.DepartmentId == departmentId))
            missing.Add($"前の段階「{p.Label()}」が確定していません。");
        foreach (var g in lines.Where(l => l.Request.SubmittedAt is null).GroupBy(l => l.Request.OrgUnitId))
            missing.Add($"{org.PathName(g.Key)}: 提出されていない要求が {g.Count()}件 あります。");
        if (stage == BudgetStage.RestorationAssessment)
            foreach (var l in lines.Where(l => l.Request.Restorations.Any(r => r.AnsweredAt is null)))
                missing.Add($"{l.Code} {l.Name}: 復活要求に回答していません。");
        if (missing.Count > 0) return (missing, []);
        var context = await pages.ContextAsync(year, lines.Select(l => l.Request.ProjectId).ToList());
        var checkedLines = lines.Select(l =>
        {
            IFunded amounts = (IFunded?)l.Draft(stage) ?? StartingPoint(l.Request, round, stage)!;
            // 内示 and 復活要求 decide nothing: only the stages that set an amount are checked.
            var findings = stage is BudgetStage.Notice or BudgetStage.Restoration ? [] : BudgetChecks.Check(amounts.Expenditure, context[l.Request.ProjectId], directions);
            return (l, amounts, findings);
        }).ToList();
        return (missing, checkedLines);
    }

    /// The 部's projects active in the year (BudgetChecks.Active) without a request for it: listed on every stage's
    /// confirmation page, and at 予算案 left out only with a reason.
    public async Task<List<UnrequestedProject>> UnrequestedAsync(int year, int departmentId, OrgTree org)
    {
        var units = org.SelfAndDescendants(departmentId).ToList();
        var edition = await pages.PlanEditionIdAsync(year);
        var candidates = await db.Projects.AsNoTracking().Where(p => units.Contains(p.OwnerUnitId) && p.RetiredAt == null
                && !db.BudgetRequests.Any(r => r.FiscalYear == year && r.ProjectId == p.Id))
            .Select(p => new
            {
                p.Id, p.Code, p.Name, p.OwnerUnitId, p.StartYear, p.EndYear,
                InPlan = db.ImplementationPlanLines.Any(l => l.ImplementationPlanId == edition && l.FiscalYear == year && l.ProjectId == p.Id),
                Previous = db.BudgetLines.Where(b => b.FiscalYear == year - 1 && b.ProjectId == p.Id).Select(b => b.Initial ?? b.Assessed).FirstOrDefault(),
            }).ToListAsync();
        return candidates.Where(p => BudgetChecks.Active(year, false, p.StartYear, p.EndYear, p.InPlan))
            .OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => new UnrequestedProject(p.Id, p.Code, p.Name, p.OwnerUnitId, p.InPlan, p.Previous)).ToList();
    }

    /// Commits a stage for a 部: every line gets its entry for the stage (the draft, else the amounts it starts from),
    /// never to be changed; a finding without a reason refuses the whole step.
    public async Task<CommandResult> CommitAsync(int year, BudgetStage stage, int departmentId, CommitForm form, Actor actor, OrgTree org)
    {
        if (BudgetAccess.CheckAssess(actor, stage, departmentId, org) is { } refused) return CommandResult.Refused(string.Empty, refused);
        var (missing, lines) = await PrepareCommitAsync(year, stage, departmentId, org);
        if (missing.Count > 0) return CommandResult.Refused(string.Empty, string.Join(" ", missing));
        // The reasons asked are for the lines shown: a change since the page was opened is refused before them.
        if (!BudgetShown.Same(form.Shown, BudgetShown.Commit(stage, lines.Select(l => (l.Line, l.Amounts))))) return CommandResult.Refused(string.Empty, BudgetShown.Changed);
        var result = new CommandResult();
        foreach (var (line, _, findings) in lines.Where(x => x.Findings.Count > 0))
        {
            var reason = form.ReasonFor(line.Request.Id);
            if (string.IsNullOrWhiteSpace(reason)) result.Add(form.FieldOf(line.Request.Id), "評価・実施計画と食い違う点があります。理由を書いてください（査定調書に載ります）。");
            else if (reason.Length > CheckReasonLength) result.Add(form.FieldOf(line.Request.Id), $"理由は{CheckReasonLength:N0}文字以内で入力してください。");
        }
        var unrequested = await UnrequestedAsync(year, departmentId, org);
        var unrequestedReason = string.IsNullOrWhiteSpace(form.UnrequestedReason) ? null : form.UnrequestedReason.Trim();
        if (BudgetChecks.AsksUnrequested(stage) && unrequested.Count > 0 && unrequestedReason is null) result.Add(nameof(form.UnrequestedReason), BudgetChecks.UnrequestedReasonMissing);
        if (!result.Succeeded) return result;
        var unrequestedList = unrequested.Count == 0 ? null : string.Join("\n", unrequested.Select(u => $"{u.Code} {u.Name}"));
        if (unrequestedList?.Length > UnrequestedLength) unrequestedList = unrequestedList[..(UnrequestedLength - 1)] + "…";
        var now = clock.UtcNow;
        var ids = lines.Select(l => l.Line.Request.Id).ToList();
        var drafts = await db.BudgetStageEntries.AsNoTracking().Where(e => ids.Contains(e.BudgetRequestId) && e.Stage == stage && !e.Committed).ToDictionaryAsync(e => e.BudgetRequestId);
        var fresh = new List<BudgetStageEntry>();
        var committed = new List<(BudgetStageEntry Entity, IReadOnlyList<(string Field, object? Old, object? New)> Changes)>();
        var sync = new List<(int ProjectId, BudgetStage Stage, long Amount)>();
        foreach (var (line, amounts, findings) in lines)
        {
            var checkReason = findings.Count > 0 ? form.ReasonFor(line.Request.Id)!.Trim() : null;
            if (drafts.TryGetValue(line.Request.Id, out var draft))
            {
                committed.Add((draft, [(nameof(BudgetStageEntry.Committed), false, true), (nameof(BudgetStageEntry.CheckReason), draft.CheckReason, checkReason)]));
                draft.Committed = true;
                draft.CheckReason = checkReason;
                sync.Add((line.Request.ProjectId, stage, draft.Expenditure));
                continue;
            }
            var r = line.Request.Restorations.OrderByDescending(x => x.Id).FirstOrDefault();
            var reason = stage switch
            {
                BudgetStage.Restoration => r?.Reason,
                BudgetStage.RestorationAssessment => r?.Answer,
                _ => null,
            };
            var entry = Entry(amounts, stage, reason, actor.UserName, now);
            entry.BudgetRequestId = line.Request.Id;
            entry.Committed = true;
            entry.CheckReason = checkReason;
            fresh.Add(entry);
            sync.Add((line.Request.ProjectId, stage, entry.Expenditure));
        }
        db.BudgetStageCommits.Add(new BudgetStageCommit
        {
            FiscalYear = year, Stage = stage, DepartmentId = departmentId, CommittedBy = actor.UserName, CommittedAt = now,
            Lines = lines.Count, Expenditure = lines.Sum(l => drafts.TryGetValue(l.Line.Request.Id, out var d) ? d.Expenditure : l.Amounts.Expenditure),
            General = lines.Sum(l => drafts.TryGetValue(l.Line.Request.Id, out var d) ? d.Funding.General : l.Amounts.Funding.General),
            Unrequested = unrequestedList, UnrequestedReason = unrequested.Count > 0 ? unrequestedReason : null,
        });
        // A 部 of hundreds of lines is written set-based — one statement marks the drafts committed, the new entries
        // and the history go in as prepared rows — with the same records and history entries SaveChanges would write.
        // Two commits of one 部 at once both pass the checks above; the unique indexes refuse the second, and it reads
        // 「…は確定済です」 beside the form, not an error page.
        return await saver.GuardAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var draftIds = committed.Select(c => c.Entity.Id).ToList();
            if (draftIds.Count > 0) await db.BudgetStageEntries.Where(e => draftIds.Contains(e.Id)).ExecuteUpdateAsync(x => x.SetProperty(e => e.Committed, true));
            foreach (var (draft, _) in committed.Where(c => !Equals(c.Changes[1].Old, c.Changes[1].New)))
                await db.BudgetStageEntries.Where(e => e.Id == draft.Id).ExecuteUpdateAsync(x => x.SetProperty(e => e.CheckReason, draft.CheckReason));
            await BulkInsert.RunAsync(db, fresh, CancellationToken.None);
            var freshIds = fresh.Select(e => e.BudgetRequestId).ToList();
            var keys = await db.BudgetStageEntries.AsNoTracking().Where(e => freshIds.Contains(e.BudgetRequestId) && e.Stage == stage).ToDictionaryAsync(e => e.BudgetRequestId, e => e.Id);
            foreach (var e in fresh) e.Id = keys[e.BudgetRequestId];
            await db.AuditWrittenAsync(fresh, committed);
            await AssessBudgetLinesAsync(year, stage, sync);
            var saved = await saver.SaveAsync();
            if (saved.Succeeded) await tx.CommitAsync();
            return saved;
        });
    }

    /// 要求額 from the 要求 stage and 査定額 from the latest stage that assesses (財政課査定 through 予算案) go into the
    /// budget table, so its totals are the formulation's.
    private async Task SyncBudgetLinesAsync(int year, IReadOnlyList<(int ProjectId, BudgetStage Stage, long Amount)> amounts)
    {
        var touched = amounts.Where(a => a.Stage is not (BudgetStage.Notice or BudgetStage.Restoration)).ToList();
        if (touched.Count == 0) return;
        var ids = touched.Select(a => a.ProjectId).ToList();
        var lines = await db.BudgetLines.Where(b => b.FiscalYear == year && ids.Contains(b.ProjectId)).ToDictionaryAsync(b => b.ProjectId);
        foreach (var (projectId, stage, amount) in touched)
        {
            if (!lines.TryGetValue(projectId, out var line)) db.BudgetLines.Add(line = lines[projectId] = new BudgetLine { ProjectId = projectId, FiscalYear = year });
            if (stage == BudgetStage.Request) line.Requested = amount;
            else line.Assessed = amount;
        }
    }

    /// 査定額 of a committed stage into the budget table for a whole 部 at once: one statement sets every changed line
    /// from the stage's committed entries, with the history entries SaveChanges would write; a line the table lacks is
    /// added.
    private async Task AssessBudgetLinesAsync(int year, BudgetStage stage, List<(int ProjectId, BudgetStage Stage, long Amount)> amounts)
    {
        if (stage is BudgetStage.Request or BudgetStage.Notice or BudgetStage.Restoration || amounts.Count == 0) return;
        var ids = amounts.Select(a => a.ProjectId).ToList();
        var lines = await db.BudgetLines.AsNoTracking().Where(b => b.FiscalYear == year && ids.Contains(b.ProjectId)).ToDictionaryAsync(b => b.ProjectId);
        var updated = new List<(BudgetLine Entity, IReadOnlyList<(string Field, object? Old, object? New)> Changes)>();
        foreach (var (projectId, _, amount) in amounts)
        {
            if (!lines.TryGetValue(projectId, out var line)) { db.BudgetLines.Add(lines[projectId] = new BudgetLine { ProjectId = projectId, FiscalYear = year, Assessed = amount }); continue; }
            if (line.Assessed == amount) continue;
            updated.Add((line, [(nameof(BudgetLine.Assessed), line.Assessed, amount)]));
            line.Assessed = amount;
        }
        if (updated.Count == 0) return;
        var lineIds = updated.Select(u => u.Entity.Id).ToList();
        await db.BudgetLines.Where(b => lineIds.Contains(b.Id)).ExecuteUpdateAsync(x => x
            .SetProperty(b => b.Assessed, b => (from r in db.BudgetRequests
                                                where r.FiscalYear == year && r.ProjectId == b.ProjectId
                                                join e in db.BudgetStageEntries on r.Id equals e.BudgetRequestId
                                                where e.Stage == stage && e.Committed
                                                select (long?)e.Expenditure).FirstOrDefault())
            .SetProperty(b => b.Version, b => b.Version + 1));
        await db.AuditWrittenAsync([], updated);
    }

    /// 復活要求: after 内示 for the 部 and before its 復活要求 stage is committed, the head names the amount and the reason.
    public async Task<CommandResult> RestoreAsync(int requestId, RestorationForm form, Actor actor, OrgTree org)
    {
        var (amountText, reason) = (form.Amount, form.Reason);
        var request = await db.BudgetRequests.Include(r => r.Restorations).Include(r => r.Entries).FirstOrDefaultAsync(r => r.Id == requestId);
        if (request is null) return CommandResult.Refused(string.Empty, "要求が見つかりません。");
        if (BudgetAccess.CheckRestore(actor, request, org) is { } refused) return CommandResult.Refused(string.Empty, refused);
        var department = org.DepartmentOf(request.OrgUnitId)?.Id ?? request.OrgUnitId;
        var commits = await db.BudgetStageCommits.AsNoTracking().Where(c => c.FiscalYear == request.FiscalYear && c.DepartmentId == department).Select(c => c.Stage).ToListAsync();
        if (!commits.Contains(BudgetStage.Notice)) return CommandResult.Refused(string.Empty, "復活要求は内示の後に出せます。");
        if (commits.Contains(BudgetStage.Restoration)) return CommandResult.Refused(string.Empty, "復活要求の受付は締め切られました。");
        if (request.Restorations.Count > 0) return CommandResult.Refused(string.Empty, RestorationAlreadyMade);
        // 復活 restores what 内示 cut from the 要求: nothing more, and nothing on a line that was not cut.
        var cut = Cut(request);
        if (cut <= 0) return CommandResult.Refused(string.Empty, "この事業は内示で減額されていないため、復活要求は出せません。");
        var result = new CommandResult();
        if (!Amounts.TryParse(amountText, 1000, out var yen) || yen is not > 0) result.Add("Amount", "復活を求める額を1以上の千円単位の数値で入力してください。");
        else if (yen > cut) result.Add("Amount", $"復活を求める額は、内示で減額された {Amounts.Thousands(cut)}千円 以下にしてください。");
        if (string.IsNullOrWhiteSpace(reason)) result.Add("Reason", "復活を求める理由を入力してください。");
        else if (reason.Length > RestorationReasonLength) result.Add("Reason", $"理由は{RestorationReasonLength:N0}文字以内で入力してください。");
        if (!result.Succeeded) return result;
        request.Restorations.Add(new BudgetRestoration { Amount = yen!.Value, Reason = reason!.Trim(), RequestedBy = actor.UserName, RequestedAt = clock.UtcNow });
        return await saver.SaveAsync(request.Id);
    }

    public const string RestorationAlreadyMade = "この事業の復活要求はすでに出されています。一つの事業に復活要求は一つです。";

    /// What 内示 cut from the 要求 of a line (its committed entries loaded): the most a 復活要求 may ask.
    public static long Cut(BudgetRequest request)
    {
        var requested = request.Entries.FirstOrDefault(e => e.Stage == BudgetStage.Request && e.Committed)?.Expenditure;
        var notice = request.Entries.FirstOrDefault(e => e.Stage == BudgetStage.Notice && e.Committed)?.Expenditure;
        return requested is long r && notice is long n ? r - n : 0;
    }

    /// The 財政課's answer to a 復活要求: the amount granted (0 for none, at most the amount asked) and why.
    public async Task<CommandResult> AnswerAsync(int restorationId, AnswerForm form, Actor actor, OrgTree org)
    {
        var (version, grantedText, answer) = (form.Version, form.Granted, form.Answer);
        var restoration = await db.BudgetRestorations.FirstOrDefaultAsync(r => r.Id == restorationId);
        if (restoration is null) return CommandResult.Refused(string.Empty, "復活要求が見つかりません。");
        var request = await db.BudgetRequests.AsNoTracking().FirstAsync(r => r.Id == restoration.BudgetRequestId);
        if (BudgetAccess.CheckAssessLine(actor, BudgetStage.RestorationAssessment, request, org) is { } refused) return CommandResult.Refused(string.Empty, refused);
        var department = org.DepartmentOf(request.OrgUnitId)?.Id ?? request.OrgUnitId;
        if (await db.BudgetStageCommits.AnyAsync(c => c.FiscalYear == request.FiscalYear && c.DepartmentId == department && c.Stage == BudgetStage.RestorationAssessment))
            return CommandResult.Refused(string.Empty, "復活査定は確定済です。回答は変えられません。");
        var result = new CommandResult();
        if (!Amounts.TryParse(grantedText, 1000, out var yen) || yen is null || yen < 0) result.Add("Granted", "認める額を0以上の千円単位の数値で入力してください（認めないときは0）。");
        else if (yen > restoration.Amount) result.Add("Granted", $"認める額は求められた額 {Amounts.Thousands(restoration.Amount)}千円 以下にしてください。");
        if (string.IsNullOrWhiteSpace(answer)) result.Add("Answer", "回答（理由）を入力してください。");
        else if (answer.Length > AnswerLength) result.Add("Answer", $"回答は{AnswerLength:N0}文字以内で入力してください。");
        if (!result.Succeeded) return result;
        if (restoration.Granted == yen && restoration.Answer == answer!.Trim()) return CommandResult.Ok(request.Id);
        // Who answered and when is the amount's: rewording the answer keeps them.
        if (restoration.Granted != yen || restoration.AnsweredAt is null)
        {
            restoration.AnsweredBy = actor.UserName;
            restoration.AnsweredAt = clock.UtcNow;
        }
        restoration.Granted = yen;
        restoration.Answer = answer!.Trim();
        return await saver.SaveEditAsync(restoration, version, restoration.AuditTarget);
    }
}
