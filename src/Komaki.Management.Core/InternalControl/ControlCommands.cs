using Komaki.Management.Core.Auditing;
using Komaki.Management.Core.Common;
using Komaki.Management.Core.Data;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;

namespace Komaki.Management.Core.InternalControl;

public sealed record ControlAuthor(string UserName, string DisplayName, DateTime At, DateOnly Today);

/// Saving risks, their evaluation and corrections, the processing errors, the cycle's dates and the policy.
public sealed class ControlCommands(AppDbContext db, RecordSaver saver) : IUseCase
{
    public Task<ControlRisk?> ForEditAsync(int id) =>
        db.ControlRisks.Include(r => r.Links).Include(r => r.Deficiencies).AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id);

    public Task<ControlDeficiency?> DeficiencyForEditAsync(int id) => db.ControlDeficiencies.FirstOrDefaultAsync(d => d.Id == id);

    public Task<ControlPolicy?> PolicyForEditAsync(int id) => db.ControlPolicies.FirstOrDefaultAsync(p => p.Id == id);

    /// Forgets what a refused step changed on the records it loaded, so the page shows them as stored.
    public void Discard() => db.ChangeTracker.Clear();

    public async Task<CommandResult> CheckAsync(RiskForm form) => await ApplyAsync(form, null);

    public async Task<CommandResult> CreateAsync(RiskForm form, OrgTree org)
    {
        var risk = new ControlRisk { FiscalYear = form.FiscalYear, OrgUnitId = form.OrgUnitId };
        var result = await ApplyAsync(form, risk);
        if (org.Find(form.OrgUnitId) is not { } unit) result.Add(nameof(form.OrgUnitId), "課を選んでください。");
        if (!result.Succeeded) return result;
        var code = org.Find(form.OrgUnitId)!.Code;
        var prefix = $"R{form.FiscalYear % 100:00}-{code}-";
        var taken = await db.ControlRisks.Where(r => r.Code.StartsWith(prefix)).Select(r => r.Code).ToListAsync();
        var next = taken.Select(c => int.TryParse(c[prefix.Length..], CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        risk.Code = $"{prefix}{next:00}";
        db.ControlRisks.Add(risk);
        var saved = await saver.SaveAsync();
        return saved.Succeeded ? saved.WithRecord(risk.Id) : saved;
    }

    public async Task<CommandResult> EditAsync(ControlRisk risk, RiskForm form)
    {
        var result = await ApplyAsync(form, risk);
        return result.Succeeded ? await saver.SaveEditAsync(risk, form.Version, risk.AuditTarget) : result;
    }

    public async Task<CommandResult> SubmitAsync(ControlRisk risk, int version)
    {
        risk.State = RiskState.Submitted;
        return await saver.SaveEditAsync(risk, version, risk.AuditTarget);
    }

    /// The evaluation; a 不備あり rating adds the deficiency with its corrective action and due date.
    /// A risk evaluated again keeps its record when nothing changed, and cannot be rated effective on both counts while
    /// a deficiency of it is not confirmed corrected (the report would count it as effective and deficient at once).
    public async Task<CommandResult> EvaluateAsync(ControlRisk risk, RiskEvaluationForm form, ControlAuthor author)
    {
        var deficient = form.DesignRating == ControlRating.Deficient || form.OperationRating == ControlRating.Deficient;
        if (risk.State == RiskState.Evaluated && !deficient && (risk.DesignRating, risk.DesignEvidence, risk.OperationRating, risk.OperationEvidence)
            == (form.DesignRating, form.DesignEvidence?.Trim(), form.OperationRating, form.OperationEvidence?.Trim()))
            return await saver.SaveEditAsync(risk, form.Version, risk.AuditTarget);
        if (!deficient && risk.Deficiencies.Where(d => d.CorrectionConfirmedOn is null).Select(d => d.Kind.Label()).ToList() is { Count: > 0 } open)
            return CommandResult.Refused(nameof(form.OperationRating),
                $"是正の確認が済んでいない不備（{string.Join("・", open)}）があります。評価部局が是正を確認してから、有効と評価し直してください。");
        risk.DesignRating = form.DesignRating;
        risk.DesignEvidence = form.DesignEvidence!.Trim();
        risk.OperationRating = form.OperationRating;
        risk.OperationEvidence = form.OperationEvidence!.Trim();
        risk.EvaluatedBy = author.DisplayName;
        risk.EvaluatedAt = author.At;
        risk.State = RiskState.Evaluated;
        if (deficient)
        {
            risk.Deficiencies.Add(new ControlDeficiency
            {
                Kind = form.DeficiencyKind!.Value, Description = form.DeficiencyDescription!.Trim(), CorrectiveAction = form.CorrectiveAction!.Trim(), DueOn = form.DeficiencyDue!.Value,
            });
        }
        return await saver.SaveEditAsync(risk, form.Version, risk.AuditTarget);
    }

    /// The correction (the form is valid: CorrectionFormValidator); a day after today is refused beside its field.
    public async Task<CommandResult> CorrectAsync(ControlDeficiency deficiency, CorrectionForm form, DateOnly today)
    {
        if (form.CorrectedOn > today) return CommandResult.Refused(nameof(form.CorrectedOn), "是正した日に先の日付は入れられません。");
        deficiency.CorrectedOn = form.CorrectedOn;
        deficiency.CorrectionNote = form.CorrectionNote!.Trim();
        return await saver.SaveEditAsync(deficiency, form.Version, new AuditTarget(nameof(ControlRisk), deficiency.ControlRiskId, "不備"));
    }

    /// The 評価部局's word on a correction: confirmed (the deficiency is closed), or sent back with the reason — the
    /// division corrects again and the deficiency counts as not corrected until it does.
    /// The form is valid (CorrectionReviewFormValidator).
    public async Task<CommandResult> ConfirmCorrectionAsync(ControlDeficiency deficiency, CorrectionReviewForm form, ControlAuthor author)
    {
        if (form.Reopen)
        {
            deficiency.ReopenNote = $"{Wareki.Date(author.Today)} {author.DisplayName}: {form.ReopenNote!.Trim()}";
            deficiency.CorrectedOn = null;
        }
        else
        {
            deficiency.CorrectionConfirmedOn = author.Today;
            deficiency.CorrectionConfirmedBy = author.DisplayName;
        }
        return await saver.SaveEditAsync(deficiency, form.Version, new AuditTarget(nameof(ControlRisk), deficiency.ControlRiskId, "不備"));
    }

    /// The whole register of a 課 submitted at once (after its confirmation page): every risk still being written.
    public async Task<(CommandResult Result, int Count)> SubmitRegisterAsync(int year, int unitId, OrgTree org)
    {
        var units = org.SelfAndDescendants(unitId).ToList();
        var drafts = await db.ControlRisks.Where(r => r.FiscalYear == year && units.Contains(r.OrgUnitId) && r.State == RiskState.Draft).ToListAsync();
        if (drafts.Count == 0) return (CommandResult.Refused(string.Empty, "提出する（記入中の）リスクがありません。"), 0);
        foreach (var r in drafts) r.State = RiskState.Submitted;
        return (await saver.SaveAsync(), drafts.Count);
    }

    /// 督促 of a 課 by the 推進部局.
    /// The form is valid (ChaseFormValidator).
    public async Task<CommandResult> ChaseAsync(int year, ChaseForm form, ControlAuthor author)
    {
        var text = string.IsNullOrWhiteSpace(form.Message) ? "内部統制のリスクの記入と提出をお願いします。" : form.Message.Trim();
        db.ControlChases.Add(new ControlChase { FiscalYear = year, OrgUnitId = form.UnitId, At = author.At, ByName = author.DisplayName, Message = text });
        return await saver.SaveAsync();
    }

    public async Task<CommandResult> RecordErrorAsync(ProcessingErrorForm form, int year, IReadOnlyList<ControlRisk> risks)
    {
        if (form.ControlRiskId is int id && risks.All(r => r.Id != id || r.OrgUnitId != form.OrgUnitId))
            return CommandResult.Refused(nameof(form.ControlRiskId), "関係するリスクは、その課の登録簿から選んでください。");
        db.ProcessingErrors.Add(new ProcessingError
        {
            FiscalYear = year, OrgUnitId = form.OrgUnitId, OccurredOn = form.OccurredOn!.Value, Title = form.Title!.Trim(), WhatHappened = form.WhatHappened!.Trim(),
            Cause = form.Cause!.Trim(), Impact = form.Impact!.Trim(), Correction = form.Correction!.Trim(), Prevention = form.Prevention!.Trim(), ControlRiskId = form.ControlRiskId,
        });
        return await saver.SaveAsync();
    }

    public async Task<CommandResult> PublishErrorAsync(int id, DateOnly today)
    {
        var error = await db.ProcessingErrors.FirstOrDefaultAsync(e => e.Id == id);
        if (error is null) return CommandResult.Refused(string.Empty, "事務処理ミスの記録がありません。");
        if (error.PublishedOn is not null) return CommandResult.Refused(string.Empty, "この事務処理ミスは公表済です。");
        error.PublishedOn = today;
        return await saver.SaveAsync();
    }

    /// A date of the cycle (依頼, 取りまとめ, 報告書, 審査 with the opinion, 議会, 公表), checked in order.
    public async Task<CommandResult> RecordStepAsync(int year, ControlYearStep step, ControlStepForm form, Actor actor, ControlPolicy? policy, OrgTree org, DateOnly today)
    {
        var (on, opinion, reason) = (form.On, form.Opinion, form.Reason);
        var cycle = await db.ControlYears.FirstOrDefaultAsync(y => y.FiscalYear == year);
        if (cycle is null) return CommandResult.Refused(string.Empty, "この年度の内部統制の日程がまだ決まっていません。");
        if (ControlYearSteps.Who(step, actor, policy, org) is string who) return CommandResult.Refused(string.Empty, who);
        if (ControlYearSteps.Recorded(step, cycle) is string recorded) return CommandResult.Refused("On", recorded);
        if (ControlYearSteps.Order(step, cycle) is string refusal) return CommandResult.Refused(string.Empty, refusal);
        if (on is not DateOnly day) return CommandResult.Refused("On", "日付を入力してください。");
        if (ControlYearSteps.DayRefusal(step, cycle, day, today) is string dayRefusal) return CommandResult.Refused("On", dayRefusal);
        if (step == ControlYearStep.AuditReview && string.IsNullOrWhiteSpace(opinion)) return CommandResult.Refused("Opinion", "監査委員の意見を入力してください。");
        var risks = await db.ControlRisks.AsNoTracking().Include(r => r.Deficiencies).Where(r => r.FiscalYear == year).ToListAsync();
        var missing = ControlReadiness.Missing(step, risks, org);
        if (missing.Count > 0 && string.IsNullOrWhiteSpace(reason))
            return CommandResult.Refused("Reason", $"{ControlYearSteps.Label(step)}の前に済んでいないことがあります（{string.Join("／", missing)}）。このまま進めるときは、その理由を書いてください。");
        switch (step)
        {
            case ControlYearStep.Request: cycle.RequestedOn = day; break;
            case ControlYearStep.Consolidate: cycle.ConsolidatedOn = day; break;
            case ControlYearStep.Report: cycle.ReportedOn = day; break;
            case ControlYearStep.AuditReview:
                cycle.AuditReviewedOn = day;
                cycle.AuditOpinion = opinion!.Trim();
                break;
            case ControlYearStep.Council: cycle.CouncilOn = day; break;
            default: cycle.PublishedOn = day; break;
        }
        // The report is frozen as it stands the day it is made, with what was missing and why it went ahead; what the
        // council receives and the city publishes is that report (a report of a year without one is frozen then).
        if (step is ControlYearStep.Report || (step is ControlYearStep.Council or ControlYearStep.Publish && cycle.ReportSnapshot is null))
        {
            var errors = await db.ProcessingErrors.AsNoTracking().Where(e => e.FiscalYear == year).ToListAsync();
            cycle.ReportSnapshot = (ControlFigures.Of(risks, errors, day, ControlYearSteps.Label(step)) with
            {
                Missing = missing, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            }).ToJson();
        }
        if (missing.Count > 0)
        {
            var note = $"{ControlYearSteps.Label(step)}（{Wareki.Date(day)}）を、済んでいないことがあるまま記録：{string.Join("／", missing)}。理由：{reason!.Trim()}";
            cycle.StepNotes = string.IsNullOrEmpty(cycle.StepNotes) ? note : $"{cycle.StepNotes}\n{note}";
        }
        return await saver.SaveAsync();
    }

    /// A new edition of the policy (the form has passed ControlPolicyFormValidator); the bodies must be registered units.
    /// An edition that moves the 推進部局 or 評価部局 waits for an administrator other than the proposer (ConfirmPolicyAsync).
    public async Task<CommandResult> AdoptPolicyAsync(ControlPolicyForm form, OrgTree org, string proposerId, string proposerName)
    {
        var result = await CheckPolicyAsync(form, org);
        if (!result.Succeeded) return result;
        if (await db.ControlPolicies.AnyAsync(p => p.AwaitingConfirmation))
            return CommandResult.Refused("", "確認を待っている版があります。管理者の確認のあとで改めてください。");
        var inForce = await db.ControlPolicies.AsNoTracking().Where(p => !p.AwaitingConfirmation).OrderByDescending(p => p.Edition).FirstOrDefaultAsync();
        var edition = await db.ControlPolicies.Select(p => (int?)p.Edition).MaxAsync() ?? 0;
        var policy = new ControlPolicy
        {
            Edition = edition + 1, Title = form.Title!.Trim(), Text = form.Text!.Trim(), AdoptedOn = form.AdoptedOn!.Value, ChiefName = form.ChiefName!.Trim(),
            ResponsibleName = form.ResponsibleName!.Trim(), PromotionUnitId = form.PromotionUnitId, EvaluationUnitId = form.EvaluationUnitId,
            ProposedById = proposerId, ProposedByName = proposerName,
        };
        policy.AwaitingConfirmation = policy.ChangesBodiesOf(inForce);
        db.ControlPolicies.Add(policy);
        return await saver.SaveAsync();
    }

    /// A second administrator confirms an edition that changes the bodies; from then on it is in force.
    public async Task<CommandResult> ConfirmPolicyAsync(ControlPolicy policy, string adminId, string adminName, DateTime now)
    {
        policy.AwaitingConfirmation = false;
        policy.ConfirmedById = adminId;
        policy.ConfirmedByName = adminName;
        policy.ConfirmedAt = now;
        return await saver.SaveAsync();
    }

    public static Task<CommandResult> CheckPolicyAsync(ControlPolicyForm form, OrgTree org)
    {
        var result = new CommandResult();
        if (org.Find(form.PromotionUnitId) is null) result.Add(nameof(form.PromotionUnitId), "推進部局を選んでください。");
        if (org.Find(form.EvaluationUnitId) is null) result.Add(nameof(form.EvaluationUnitId), "評価部局を選んでください。");
        return Task.FromResult(result);
    }

    /// The year's due dates (推進部局): created on first save.
    /// The form is valid (ControlScheduleFormValidator).
    public async Task<CommandResult> SaveScheduleAsync(int year, ControlScheduleForm form)
    {
        var cycle = await db.ControlYears.FirstOrDefaultAsync(y => y.FiscalYear == year);
        if (cycle is null) db.ControlYears.Add(cycle = new ControlYear { FiscalYear = year });
        cycle.EntryDue = form.EntryDue!.Value;
        cycle.EvaluationDue = form.EvaluationDue!.Value;
        return await saver.SaveAsync();
    }

    /// The year's wording of the levels (the form is valid: RiskLevelsFormValidator). A level left as the standard
    /// wording is stored as null, so the standard stays the standard and a form sent back unchanged changes nothing.
    public async Task<CommandResult> SaveLevelsAsync(int year, RiskLevelsForm form)
    {
        var cycle = await db.ControlYears.FirstOrDefaultAsync(y => y.FiscalYear == year);
        if (cycle is null) return CheckLevels(null);
        static string? Level(string? text, string standard) => text?.Trim() is var t && t != standard ? t : null;
        (cycle.Likelihood1, cycle.Likelihood2, cycle.Likelihood3) =
            (Level(form.Likelihood1, RiskLevels.StandardLikelihood[0]), Level(form.Likelihood2, RiskLevels.StandardLikelihood[1]), Level(form.Likelihood3, RiskLevels.StandardLikelihood[2]));
        (cycle.Impact1, cycle.Impact2, cycle.Impact3) =
            (Level(form.Impact1, RiskLevels.StandardImpact[0]), Level(form.Impact2, RiskLevels.StandardImpact[1]), Level(form.Impact3, RiskLevels.StandardImpact[2]));
        return await saver.SaveEditAsync(cycle, form.Version, cycle.AuditTarget);
    }

    /// What the form alone cannot say: the levels belong to a year whose dates are set (shown with the form's own refusals).
    public async Task<CommandResult> CheckLevelsAsync(int year) => CheckLevels(await db.ControlYears.AsNoTracking().FirstOrDefaultAsync(y => y.FiscalYear == year));

    private static CommandResult CheckLevels(ControlYear? cycle) =>
        cycle is null ? CommandResult.Refused(string.Empty, "先にこの年度の日程（各課の記入期限・評価の期限）を決めてください。") : new CommandResult();

    private async Task<CommandResult> ApplyAsync(RiskForm form, ControlRisk? risk)
    {
        var result = new CommandResult();
        var projectCodes = CodeList.Parse(form.ProjectCodes);
        var measureCodes = CodeList.Parse(form.MeasureCodes);
        var projects = await db.Projects.Where(p => projectCodes.Contains(p.Code) && p.RetiredAt == null).Select(p => new { p.Id, p.Code }).ToListAsync();
        var measures = await db.Measures.Where(m => measureCodes.Contains(m.Code) && m.RetiredAt == null).Select(m => new { m.Id, m.Code }).ToListAsync();
        var goals = await db.OrganizationalGoals.Where(g => form.GoalIds.Contains(g.Id) && g.OrgUnitId == form.OrgUnitId && g.FiscalYear == form.FiscalYear).Select(g => g.Id).ToListAsync();
        foreach (var c in projectCodes.Where(c => projects.All(p => p.Code != c))) result.Add(nameof(form.ProjectCodes), $"事業コード「{c}」の事務事業がありません。");
        foreach (var c in measureCodes.Where(c => measures.All(m => m.Code != c))) result.Add(nameof(form.MeasureCodes), $"施策コード「{c}」は現行の施策にありません。");
        if (form.GoalIds.Except(goals).Any()) result.Add(nameof(form.GoalIds), "関係する組織目標は、その課のこの年度の目標から選んでください。");
        if (!result.Succeeded || risk is null) return result;
        risk.Area = form.Area!.Value;
        risk.Process = form.Process!.Trim();
        risk.Description = form.Description!.Trim();
        risk.Scope = form.Scope!.Value;
        risk.Cause = form.Cause!.Trim();
        risk.ExistingControl = (form.ExistingControl ?? "").Trim();
        risk.Likelihood = form.Likelihood!.Value;
        risk.Impact = form.Impact!.Value;
        risk.Response = form.Response!.Value;
        risk.Measures = (form.Measures ?? "").Trim();
        risk.Owner = form.Owner!.Trim();
        risk.DueOn = form.DueOn;
        LinkSet.Keep(risk.Links, projects.Select(p => new ControlRiskLink { ProjectId = p.Id }).Concat(measures.Select(m => new ControlRiskLink { MeasureId = m.Id }))
            .Concat(goals.Select(g => new ControlRiskLink { OrganizationalGoalId = g })), l => (l.ProjectId, l.MeasureId, l.OrganizationalGoalId));
        return result;
    }
}
