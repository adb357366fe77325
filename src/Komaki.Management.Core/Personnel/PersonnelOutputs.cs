using Komaki.Management.Core.Common;
using Komaki.Management.Core.Excel;

namespace Komaki.Management.Core.Personnel;

/// What one reader may see of an evaluation, decided once (PersonnelAccess) and used by the screen, the print and Excel.
public sealed record PersonnelView(PersonnelEvaluation Evaluation, PersonnelDesign Design, PersonnelRelation Relation, string UnitName)
{
    public bool SeesEvaluators => PersonnelAccess.SeesEvaluatorMarks(Relation, Evaluation, Design);
    public bool SeesFinal => PersonnelAccess.SeesFinal(Relation, Evaluation);

    /// The reason of an 調整 is one of the details the evaluators wrote: with the final grades, to those who see their marks.
    public bool SeesAdjustmentReason => SeesFinal && SeesEvaluators;

    /// 人事課内のメモ of the 調整: the personnel division only, never the person nor the evaluators.
    public bool SeesInternalNote => Relation.HasFlag(PersonnelRelation.Division);

    /// What was disclosed and when: once disclosed, to everyone who reads the sheet; its reason as the adjustment's is.
    public bool SeesDisclosure => Evaluation.State >= PersonnelState.Disclosed;

    public bool SeesDisclosedReason => SeesDisclosure && SeesEvaluators;

    /// Whether this reader sees a field of the sheet (an audited entity's property): the history shows what this says.
    public bool Shows(string entityType, string field) => PersonnelFields.Shows(this, entityType, field);

    /// The stages whose marks the reader sees: their own self-assessment always, the evaluators' as allowed.
    public IReadOnlyList<MarkStage> Stages =>
        SeesEvaluators ? [MarkStage.Self, MarkStage.First, MarkStage.Second] : [MarkStage.Self];

    public string? Grade(MarkStage stage, AppraisalPart part, int? criterionId = null, int? goalId = null) =>
        Stages.Contains(stage) ? Evaluation.Mark(stage, part, criterionId, goalId)?.Grade : null;

    public string? Comment(MarkStage stage, AppraisalPart part, int? criterionId = null, int? goalId = null) =>
        Stages.Contains(stage) ? Evaluation.Mark(stage, part, criterionId, goalId)?.Comment : null;

    /// The comment of an event in the 経過 as the reader may see it: the reason of an 調整 is one of the details the
    /// evaluators wrote (shown with their marks); the answer to a complaint once the result is disclosed.
    public string? EventComment(PersonnelEvent ev) => ev.Step switch
    {
        _ when SeesEvaluators => ev.Comment,
        PersonnelStep.Confirm => null,
        PersonnelStep.AnswerComplaint => Evaluation.State >= PersonnelState.Disclosed ? ev.Comment : null,
        _ => ev.Comment,
    };
}

/// Which field of an evaluation each reader sees, per audited entity and property: the same rule the sheet's page,
/// print and Excel show by (PersonnelView), and the only one the history asks. A field not named here is shown to
/// nobody in the history (PersonnelFieldsTests requires every audited property to be named, so a new field gets a
/// decision rather than a leak); an entity not named here — a mark, a complaint — is not shown in the history at all.
public static class PersonnelFields
{
    private static readonly Func<PersonnelView, bool> Everyone = _ => true;

    private static readonly Dictionary<(string Entity, string Field), Func<PersonnelView, bool>> Rules = new()
    {
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.FiscalYear))] = Everyone,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.StaffMemberId))] = Everyone,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.OrgUnitId))] = Everyone,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.Position))] = Everyone,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.JobLevel))] = Everyone,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.FirstEvaluatorId))] = Everyone,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.SecondEvaluatorId))] = Everyone,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.State))] = Everyone,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.GoalInterviewOn))] = Everyone,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.GoalInterviewNote))] = Everyone,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.MidYearInterviewOn))] = Everyone,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.MidYearInterviewNote))] = Everyone,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.FinalCompetenceGrade))] = v => v.SeesFinal,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.FinalPerformanceGrade))] = v => v.SeesFinal,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.AdjustmentReason))] = v => v.SeesAdjustmentReason,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.AdjustmentNote))] = v => v.SeesInternalNote,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.DisclosedCompetenceGrade))] = v => v.SeesDisclosure,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.DisclosedPerformanceGrade))] = v => v.SeesDisclosure,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.DisclosedReason))] = v => v.SeesDisclosedReason,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.DisclosedOn))] = v => v.SeesDisclosure,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.ComplaintDeadline))] = v => v.SeesDisclosure,
        [(nameof(PersonnelEvaluation), nameof(PersonnelEvaluation.AcknowledgedAt))] = v => v.SeesDisclosure,
        // The goals as written, agreed and changed, and the result the person reported: the sheet shows them to all its readers.
        [(nameof(PerformanceGoal), nameof(PerformanceGoal.PersonnelEvaluationId))] = Everyone,
        [(nameof(PerformanceGoal), nameof(PerformanceGoal.OwnerUserId))] = Everyone,
        [(nameof(PerformanceGoal), nameof(PerformanceGoal.FiscalYear))] = Everyone,
        [(nameof(PerformanceGoal), nameof(PerformanceGoal.OrganizationalGoalId))] = Everyone,
        [(nameof(PerformanceGoal), nameof(PerformanceGoal.MeasureId))] = Everyone,
        [(nameof(PerformanceGoal), nameof(PerformanceGoal.ProjectId))] = Everyone,
        [(nameof(PerformanceGoal), nameof(PerformanceGoal.ManifestoItemId))] = Everyone,
        [(nameof(PerformanceGoal), nameof(PerformanceGoal.Title))] = Everyone,
        [(nameof(PerformanceGoal), nameof(PerformanceGoal.Description))] = Everyone,
        [(nameof(PerformanceGoal), nameof(PerformanceGoal.Target))] = Everyone,
        [(nameof(PerformanceGoal), nameof(PerformanceGoal.Difficulty))] = Everyone,
        [(nameof(PerformanceGoal), nameof(PerformanceGoal.Weight))] = Everyone,
        [(nameof(PerformanceGoal), nameof(PerformanceGoal.Result))] = Everyone,
        [(nameof(PerformanceGoal), nameof(PerformanceGoal.SortOrder))] = Everyone,
        [(nameof(PerformanceGoal), nameof(PerformanceGoal.AgreedServes))] = Everyone,
    };

    /// Every (entity, property) with a rule.
    public static IReadOnlyCollection<(string Entity, string Field)> Named => Rules.Keys;

    /// A field the reader sees; "" asks for the entity as a whole (an entry without changes), shown when it has rules.
    public static bool Shows(PersonnelView v, string entityType, string field) =>
        field.Length == 0 ? Rules.Keys.Any(k => k.Entity == entityType) : Rules.TryGetValue((entityType, field), out var rule) && rule(v);
}

/// 人事評価シート as Excel: the same content as the printed A4 page, for the reader's eyes only.
public static class PersonnelSheet
{
    public static void Write(Stream output, PersonnelView v)
    {
        var e = v.Evaluation;
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("人事評価シート");
        var r = 1;
        void Line(params string?[] cells)
        {
            SheetCells.Texts(ws, r, 1, cells);
            r++;
        }
        void Header(params string[] cells)
        {
            Line(cells);
            SheetCells.HeaderStyle(ws.Range(r - 1, 1, r - 1, cells.Length));
        }
        Line($"{Wareki.FiscalYear(e.FiscalYear)} 人事評価シート");
        ws.Cell(1, 1).Style.Font.Bold = true;
        ws.Cell(1, 1).Style.Font.FontSize = 14;
        Line("職員番号", e.StaffMember!.StaffNumber, "氏名", e.StaffMember.Name);
        Line("所属", v.UnitName, "職名", e.Position, "職層", e.JobLevel.Label());
        Line("評価期間", $"{Wareki.Date(v.Design.PeriodStart)}〜{Wareki.Date(v.Design.PeriodEnd)}", "一次評価者", e.FirstEvaluator?.Name ?? "未設定", "二次評価者", e.SecondEvaluator?.Name ?? "なし");
        Line("状態", e.State.Label());
        r++;
        Line("業績評価");
        ws.Cell(r - 1, 1).Style.Font.Bold = true;
        Header("目標", "関連する組織目標・施策・事業", "達成基準", "困難度", "ウエイト", "実績", "自己", "一次", "一次のコメント", "二次", "二次のコメント");
        foreach (var g in e.OrderedGoals)
        {
            Line(g.Title, ServesCell(g), g.Target, g.Difficulty?.Label(), g.Weight?.ToString(CultureInfo.InvariantCulture), g.Result,
                v.Grade(MarkStage.Self, AppraisalPart.Performance, goalId: g.Id), v.Grade(MarkStage.First, AppraisalPart.Performance, goalId: g.Id),
                v.Comment(MarkStage.First, AppraisalPart.Performance, goalId: g.Id), v.Grade(MarkStage.Second, AppraisalPart.Performance, goalId: g.Id),
                v.Comment(MarkStage.Second, AppraisalPart.Performance, goalId: g.Id));
        }
        r++;
        Line("能力評価");
        ws.Cell(r - 1, 1).Style.Font.Bold = true;
        Header("評価項目", "着眼点", "ウエイト", "自己", "一次", "一次のコメント", "二次", "二次のコメント");
        foreach (var c in v.Design.CriteriaFor(e.JobLevel))
        {
            Line(c.Name, c.Viewpoints, c.Weight.ToString(CultureInfo.InvariantCulture), v.Grade(MarkStage.Self, AppraisalPart.Competence, c.Id),
                v.Grade(MarkStage.First, AppraisalPart.Competence, c.Id), v.Comment(MarkStage.First, AppraisalPart.Competence, c.Id),
                v.Grade(MarkStage.Second, AppraisalPart.Competence, c.Id), v.Comment(MarkStage.Second, AppraisalPart.Competence, c.Id));
        }
        r++;
        Header("全体評語", "能力評価", "業績評価");
        if (v.SeesEvaluators)
        {
            Line("一次評価", v.Grade(MarkStage.First, AppraisalPart.Competence), v.Grade(MarkStage.First, AppraisalPart.Performance));
            Line("二次評価", v.Grade(MarkStage.Second, AppraisalPart.Competence), v.Grade(MarkStage.Second, AppraisalPart.Performance));
        }
        if (v.SeesFinal) Line("確定（調整後）", e.FinalCompetenceGrade, e.FinalPerformanceGrade);
        r++;
        Header("面談", "日", "記録");
        Line("期首面談", e.GoalInterviewOn is DateOnly a ? Wareki.Date(a) : "", e.GoalInterviewNote);
        Line("中間面談", e.MidYearInterviewOn is DateOnly b ? Wareki.Date(b) : "", e.MidYearInterviewNote);
        foreach (var ch in e.GoalChanges.OrderBy(c => c.Id)) Line("目標の変更", Wareki.Date(ch.ChangedOn), $"{ch.Reason}\n変更前:\n{ch.Before}\n変更後:\n{ch.After}");
        double[] widths = [30, 30, 30, 8, 8, 30, 6, 6, 30, 6, 30];
        SheetCells.Widths(ws, widths);
        ws.Range(1, 1, r, widths.Length).Style.Alignment.WrapText = true;
        ws.Range(1, 1, r, widths.Length).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.FitToPages(1, 0);
        wb.SaveAs(output);
    }

    /// What the goal was agreed to serve, and today's wording beside it when that record changed since.
    private static string ServesCell(PerformanceGoal g) =>
        (g.ServesShown ?? "") + (g.ServesChangedSinceAgreed ? $"\n{PerformanceGoal.ChangedSinceAgreed}（現在: {g.Serves ?? "なし"}）" : "");
}

/// The year's results for the payroll system: one line per evaluation of the year — the final grades and the
/// 勤勉手当区分 the final performance grade maps to in the year's design, or 未確定 with the reason for one not yet
/// confirmed, so payroll sees everyone and never takes a missing line for no evaluation. UTF-8 with BOM, CRLF.
public static class PayrollFile
{
    public static IReadOnlyList<CsvColumn<PersonnelEvaluation>> Columns(PersonnelDesign design) =>
    [
        new("職員番号", e => e.StaffMember!.StaffNumber), new("氏名", e => e.StaffMember!.Name), new("年度", e => e.FiscalYear), new("職層", e => e.JobLevel.Label()),
        new("能力評価", e => Final(e) ? e.FinalCompetenceGrade : null), new("業績評価", e => Final(e) ? e.FinalPerformanceGrade : null),
        new("勤勉手当区分", e => Final(e) ? design.Grade(e.FinalPerformanceGrade)?.BonusCategory : null),
        new("確定", e => Final(e) ? "確定" : "未確定"), new("状態", e => e.State.Label()), new("未確定の理由", e => Final(e) ? null : UnconfirmedReason(e)),
    ];

    /// Separation of duties: an officer whose own evaluation of the year is not yet disclosed leaves the file to another
    /// officer (it would show them their own grades). Null when the reader may write it.
    public static string? Refusal(IReadOnlySet<int> readerStaffIds, IEnumerable<PersonnelEvaluation> evaluations) =>
        evaluations.Any(e => PersonnelAccess.IsOwn(readerStaffIds, e) && e.State < PersonnelState.Disclosed)
            ? "あなた自身の評価が開示前のため、この年度の給与連携ファイルは別の人事担当が出力してください。" : null;

    public static IEnumerable<PersonnelEvaluation> Ordered(IEnumerable<PersonnelEvaluation> evaluations) =>
        evaluations.OrderBy(e => e.StaffMember!.StaffNumber, StringComparer.Ordinal);

    private static bool Final(PersonnelEvaluation e) => e.State >= PersonnelState.Confirmed;

    /// Why an evaluation is not final yet, in the words of the sheet: an evaluator not named, or whose step it waits for.
    public static string UnconfirmedReason(PersonnelEvaluation e) =>
        e.FirstEvaluatorId is null ? "評価者未設定（人事課が一次評価者を指名していません）"
        : $"{PersonnelWorkflow.WaitsFor(e)}の対応待ち（{e.State.Label()}）";
}
