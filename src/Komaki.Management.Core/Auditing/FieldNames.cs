namespace Komaki.Management.Core.Auditing;

/// Japanese names of recorded fields, as staff read them in a history.
public static class FieldNames
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["Code"] = "コード", ["Name"] = "名称", ["Description"] = "概要・説明", ["SortOrder"] = "表示順",
        ["RetiredAt"] = "廃止日時", ["RetiredReason"] = "廃止理由", ["BasicPlanId"] = "計画期間", ["PolicyId"] = "政策",
        ["MeasureId"] = "施策", ["BasicProjectId"] = "基本事業", ["OwnerUnitId"] = "担当課", ["IsMajor"] = "主要事業",
        ["StartYear"] = "開始年度", ["EndYear"] = "終了年度", ["Kind"] = "種類", ["Unit"] = "単位", ["Direction"] = "方向",
        ["BaselineValue"] = "基準値", ["BaselineYear"] = "基準年度", ["IndicatorId"] = "指標", ["FiscalYear"] = "年度",
        ["Target"] = "目標値", ["Actual"] = "実績値", ["Level"] = "区分", ["ParentId"] = "上位組織", ["ValidFromYear"] = "有効開始年度",
        ["ValidToYear"] = "有効終了年度", ["DisplayName"] = "氏名", ["Email"] = "メールアドレス", ["UserName"] = "ユーザー名",
        ["OrgUnitId"] = "所属", ["IsActive"] = "利用可", ["LockoutEnd"] = "ロック解除日時", ["Vision"] = "基本構想",
        ["PolicyLabel"] = "政策の呼称", ["MeasureLabel"] = "施策の呼称", ["BasicProjectLabel"] = "基本事業の呼称", ["ProjectLabel"] = "事務事業の呼称",
        ["Cost"] = "事業費", ["National"] = "国庫支出金", ["Prefectural"] = "県支出金", ["Bonds"] = "地方債",
        ["OtherSpecific"] = "その他特定財源", ["General"] = "一般財源", ["Status"] = "区分", ["Content"] = "事業内容",
        ["ProjectId"] = "事務事業", ["ImplementationPlanId"] = "実施計画の版", ["Title"] = "名称", ["CopiedFromId"] = "写し元の版",
        ["CreatedAt"] = "作成日時", ["Requested"] = "要求額", ["Assessed"] = "査定額", ["Initial"] = "当初予算額",
        ["Supplementary"] = "補正予算額", ["Settled"] = "決算額", ["Goal"] = "今年度の目標", ["MidYearStatus"] = "中間進捗区分",
        ["MidYearProgress"] = "中間進捗", ["YearEndStatus"] = "年度末進捗区分", ["YearEndProgress"] = "年度末進捗",
        ["Month"] = "月", ["Work"] = "予定", ["ExecutionPlanId"] = "主要事業実行計画", ["AsOf"] = "進捗の時点", ["ReportStatus"] = "進捗区分", ["ReportText"] = "進捗の内容",
        ["ReportedBy"] = "報告者", ["ReportedAt"] = "報告日時",
        ["Number"] = "番号", ["Area"] = "分野", ["NumericTarget"] = "数値目標", ["MayorName"] = "市長", ["StartDate"] = "開始日",
        ["EndDate"] = "終了日", ["MayorTermId"] = "任期", ["ManifestoItemId"] = "マニフェスト項目", ["Commentary"] = "説明", ["Evidence"] = "根拠",
        ["Channel"] = "経路", ["ReceivedOn"] = "受付日", ["Summary"] = "要旨", ["Answer"] = "市の考え方", ["CitizenInputId"] = "市民の声",
        ["Satisfaction"] = "満足度", ["Importance"] = "重要度", ["Reason"] = "設定理由", ["State"] = "状態", ["MidYearReview"] = "中間確認",
        ["Grade"] = "達成度", ["GradeEvidence"] = "評価の根拠", ["OrganizationalGoalId"] = "組織目標", ["Action"] = "取組", ["Schedule"] = "時期",
        ["SettledCost"] = "決算額", ["StaffPersonYears"] = "人工", ["StaffCostPerPersonYear"] = "人件費単価", ["Necessity"] = "必要性",
        ["NecessityReason"] = "必要性の理由", ["Effectiveness"] = "有効性", ["EffectivenessReason"] = "有効性の理由", ["Efficiency"] = "効率性",
        ["EfficiencyReason"] = "効率性の理由", ["Equity"] = "公平性", ["EquityReason"] = "公平性の理由", ["FirstDirection"] = "方向性（一次）",
        ["Improvement"] = "改善内容", ["SecondDirection"] = "方向性（二次）", ["SecondReason"] = "二次評価の所見", ["FirstReviewedBy"] = "一次評価者",
        ["FirstReviewedAt"] = "一次評価日時", ["SecondReviewedBy"] = "二次評価者", ["SecondReviewedAt"] = "二次評価日時", ["PublishedAt"] = "公表日時",
        ["ReturnComment"] = "差し戻し理由", ["PurposeTarget"] = "目的（対象）", ["Baseline"] = "現状値", ["PurposeIntent"] = "目的（意図）", ["Means"] = "手段",
        ["FirstReviewFindings"] = "一次評価の確認事項", ["FirstReviewExplanation"] = "一次評価の確認事項への説明", ["SecondReviewFindings"] = "二次評価の確認事項",
        ["SecondReviewExplanation"] = "二次評価の確認事項への説明", ["PublishFindings"] = "公表時の確認事項", ["PublishExplanation"] = "公表時の確認事項への説明",
        ["PublishedSheet"] = "公表時の評価シート（コスト・指標）", ["CloseNote"] = "不足を承知で終了した記録",
        ["SubmittedAt"] = "提出日時", ["SubmittedBy"] = "提出者", ["Report"] = "提出した説明書", ["RecordedStaffCost"] = "人件費（取込値）", ["SettledNational"] = "決算 国庫支出金",
        ["SettledPrefectural"] = "決算 県支出金", ["SettledBonds"] = "決算 地方債", ["SettledOtherSpecific"] = "決算 その他特定財源", ["SettledGeneral"] = "決算 一般財源",
        ["IsCurrent"] = "現行計画", ["ComprehensivePlanId"] = "総合計画", ["EmailConfirmed"] = "メール確認済み", ["LockoutEnabled"] = "ロック有効",
        ["MustChangePassword"] = "次回サインイン時にパスワード変更", ["PhoneNumber"] = "電話番号", ["PhoneNumberConfirmed"] = "電話番号確認済み",
        ["TwoFactorEnabled"] = "2段階認証", ["IsPublished"] = "公開", ["DueOn"] = "期限", ["Stage"] = "段階", ["InUse"] = "使用中",
        ["Label"] = "名称", ["Key"] = "照合に使う表記", ["Value"] = "意味", ["CityResponse"] = "市の対応方針", ["ForumSessionId"] = "市民公開フォーラムの会",
        ["HeldOn"] = "開催日", ["IsClosed"] = "終了", ["Venue"] = "会場", ["AnswerBudgetLineId"] = "対応した予算", ["AnswerPlanLineId"] = "対応した実施計画",
        ["ClosedAt"] = "完了日時", ["ClosedBy"] = "完了確認者", ["Note"] = "備考", ["OpenedAt"] = "起票日時", ["ProjectEvaluationId"] = "もとの事務事業評価",
        ["Weight"] = "判定での重み", ["CorrectedAt"] = "訂正日時", ["CorrectionReason"] = "訂正の理由", ["PublishedActual"] = "公表時の実績値", ["OwnerUserId"] = "本人", ["Result"] = "結果",
        ["Color"] = "表示色", ["MinPercent"] = "下限（%）", ["OffTarget"] = "遅れとして扱う", ["AssessedAt"] = "評価日時", ["AssessedBy"] = "評価者",
        ["Assessment"] = "評価", ["PublishedBy"] = "公表者",
        // 人事評価
        ["JobLevel"] = "職層", ["PersonnelDesignId"] = "人事評価の設計", ["Viewpoints"] = "着眼点", ["BonusCategory"] = "勤勉手当区分",
        ["MaxShare"] = "分布の目安", ["Points"] = "点数", ["Difficulty"] = "困難度", ["PersonnelEvaluationId"] = "人事評価",
        ["AdjustDue"] = "調整・確認の期限", ["ComplaintDays"] = "苦情相談の期間", ["DiscloseDetails"] = "項目ごとの開示", ["DisclosureDue"] = "開示の期限",
        ["FirstDue"] = "一次評価の期限", ["GoalsDue"] = "目標設定の期限", ["MidYearDue"] = "中間面談の期限", ["PeriodEnd"] = "評価期間の末日",
        ["PeriodStart"] = "評価期間の初日", ["ReferenceDate"] = "評価基準日", ["SecondDue"] = "二次評価の期限", ["SelfDue"] = "自己評価の期限",
        ["AcknowledgedAt"] = "本人の確認日時", ["AdjustmentReason"] = "調整の理由", ["AdjustmentNote"] = "調整の人事課内メモ", ["DisclosedCompetenceGrade"] = "開示した能力評価",
        ["DisclosedPerformanceGrade"] = "開示した業績評価", ["DisclosedReason"] = "開示した調整の理由", ["SpecialPost"] = "特別職", ["CorrectionConfirmedOn"] = "是正の確認日",
        ["CorrectionConfirmedBy"] = "是正の確認者", ["ReopenNote"] = "是正の差し戻し", ["ComplaintDeadline"] = "苦情相談の期限", ["DisclosedOn"] = "開示日",
        ["FinalCompetenceGrade"] = "能力評価（確定）", ["FinalPerformanceGrade"] = "業績評価（確定）", ["FirstEvaluatorId"] = "一次評価者",
        ["GoalInterviewNote"] = "期首面談の記録", ["GoalInterviewOn"] = "期首面談の日", ["MidYearInterviewNote"] = "中間面談の記録",
        ["MidYearInterviewOn"] = "中間面談の日", ["Position"] = "職名", ["SecondEvaluatorId"] = "二次評価者", ["StaffMemberId"] = "職員",
        ["Employment"] = "任用形態", ["SalaryGrade"] = "級", ["StartsOn"] = "発令日", ["StaffNumber"] = "職員番号", ["LeftOn"] = "退職日", ["Group"] = "ディレクトリのグループ", ["UserId"] = "アカウント",
        // 内部統制・定員管理
        ["Edition"] = "版", ["Text"] = "本文", ["AdoptedOn"] = "策定日", ["ChiefName"] = "最高責任者", ["ResponsibleName"] = "総括責任者", ["PromotionUnitId"] = "推進部局",
        ["EvaluationUnitId"] = "評価部局", ["RequestedOn"] = "依頼日", ["EntryDue"] = "記入期限", ["EvaluationDue"] = "評価期限", ["ConsolidatedOn"] = "取りまとめ日",
        ["ReportedOn"] = "報告書作成日", ["AuditReviewedOn"] = "監査委員の審査日", ["AuditOpinion"] = "監査委員の意見", ["CouncilOn"] = "議会への提出日", ["PublishedOn"] = "公表日", ["ReportSnapshot"] = "確定した報告書の数値", ["StepNotes"] = "不足を承知で進めた記録",
        ["Likelihood1"] = "発生可能性1の定義", ["Likelihood2"] = "発生可能性2の定義", ["Likelihood3"] = "発生可能性3の定義", ["Impact1"] = "影響度1の定義", ["Impact2"] = "影響度2の定義", ["Impact3"] = "影響度3の定義",
        ["Role"] = "ロール", ["AwaitingConfirmation"] = "承認待ち", ["ProposedById"] = "提案した管理者", ["ProposedByName"] = "提案した管理者の氏名", ["RequestedAt"] = "申請日時", ["RequestedById"] = "申請した管理者", ["RequestedByName"] = "申請した管理者の氏名", ["ConfirmedAt"] = "承認日時", ["ConfirmedById"] = "承認した管理者", ["ConfirmedByName"] = "承認した管理者の氏名",
        ["Process"] = "業務・手順", ["Scope"] = "分類", ["Cause"] = "発生原因", ["ExistingControl"] = "既存の統制", ["Likelihood"] = "発生可能性", ["Impact"] = "影響度",
        ["Response"] = "対応方針", ["Measures"] = "対応策", ["Owner"] = "責任者", ["DesignRating"] = "整備状況", ["DesignEvidence"] = "整備状況の根拠",
        ["OperationRating"] = "運用状況", ["OperationEvidence"] = "運用状況の根拠", ["EvaluatedBy"] = "評価者", ["EvaluatedAt"] = "評価日時", ["ControlRiskId"] = "リスク",
        ["CorrectiveAction"] = "是正措置", ["CorrectedOn"] = "是正日", ["CorrectionNote"] = "是正の内容", ["OccurredOn"] = "発生日", ["WhatHappened"] = "事案の内容",
        ["Correction"] = "対応（是正）", ["Prevention"] = "再発防止策", ["OrdinanceQuota"] = "条例定数", ["AllocationNote"] = "不足を承知で次年度の配分を作った記録", ["PlanTarget"] = "定員適正化計画の目標", ["RequestDue"] = "要求の期限",
        ["AssessmentDue"] = "査定の期限", ["Tolerance"] = "人工の許容差", ["JobType"] = "職種", ["Allocated"] = "配分定数", ["ActualApril1"] = "4月1日の実員",
        ["RequestReason"] = "要求の理由", ["ReappointedPersonYears"] = "うち再任用の人工", ["FiscalYearPersonYears"] = "うち会計年度任用の人工", ["AssessmentReason"] = "査定の理由",
        // 予算編成
        ["Policy"] = "予算編成方針", ["Expenditure"] = "歳出", ["IsNew"] = "新規", ["EnteredBy"] = "入力者", ["CheckReason"] = "評価・実施計画と食い違う理由",
        ["RecordedBy"] = "記録者", ["RecordedAt"] = "記録日時", ["Committed"] = "確定", ["BudgetRequestId"] = "予算要求", ["CommittedBy"] = "確定者",
        ["CommittedAt"] = "確定日時", ["Lines"] = "行数", ["DepartmentId"] = "部", ["Amount"] = "復活を求める額", ["RequestedBy"] = "要求者", ["Granted"] = "復活を認めた額",
        ["AnsweredBy"] = "回答者", ["AnsweredAt"] = "回答日時", ["Setsu"] = "節",
    };

    /// Where one field name means different things in different records.
    private static readonly Dictionary<(string Entity, string Field), string> ByEntity = new()
    {
        [("LabelMapping", "Label")] = "表記", [("DirectoryRoleMapping", "Key")] = "照合に使うグループ名", [("UnitNameMapping", "Name")] = "部課名", [("UnitNameMapping", "Key")] = "照合に使う部課名",
        [("JudgmentBand", "Label")] = "判定の名称", [("JudgmentBand", "Grade")] = "判定の記号", [("DirectionChoice", "Label")] = "区分の名称",
        [("BudgetRestoration", "Answer")] = "財政課の回答", [("BudgetRestoration", "Reason")] = "復活を求める理由", [("BudgetRequest", "Reason")] = "要求理由", [("BudgetStageEntry", "Reason")] = "理由",
        [("BudgetRequestSetsu", "Amount")] = "節の金額",
    };

    private static readonly Dictionary<string, string> Values = new()
    {
        ["HigherIsBetter"] = "↑ 高いほど良い", ["LowerIsBetter"] = "↓ 低いほど良い", ["Outcome"] = "成果指標", ["Activity"] = "活動指標",
        ["Department"] = "部", ["Division"] = "課", ["Section"] = "係",
        ["New"] = "新規", ["Continuing"] = "継続", ["Expanded"] = "拡充", ["Reduced"] = "縮小", ["Ended"] = "終了",
        ["TownMeeting"] = "タウンミーティング", ["PublicComment"] = "パブリックコメント", ["Survey"] = "市民意識調査",
        ["LetterToMayor"] = "市長への手紙", ["EvaluationForum"] = "行政評価市民公開フォーラム", ["Received"] = "受付", ["Considering"] = "検討中",
        ["Answered"] = "回答済", ["Reflected"] = "計画・事業に反映", ["Draft"] = "下書き", ["Submitted"] = "提出済", ["ChangesRequested"] = "修正依頼",
        ["Agreed"] = "合意済", ["MidYearReviewed"] = "中間確認済", ["SelfAssessed"] = "自己評価済", ["Confirmed"] = "確定",
        ["NotStarted"] = "未着手", ["Started"] = "着手", ["Advancing"] = "推進中", ["Achieved"] = "実現", ["PartlyAchieved"] = "一部実現", ["Revised"] = "見直し",
        ["Expand"] = "拡充", ["Continue"] = "継続", ["Improve"] = "改善", ["Reduce"] = "縮小", ["Merge"] = "統合", ["SuspendOrAbolish"] = "休止・廃止",
        ["Complete"] = "完了", ["FirstReviewed"] = "一次評価済", ["SecondReviewed"] = "二次評価済", ["Published"] = "公表済",
        ["Request"] = "要求", ["FinanceAssessment"] = "財政課査定", ["MayorAssessment"] = "市長査定", ["Notice"] = "内示",
        ["Restoration"] = "復活要求", ["RestorationAssessment"] = "復活査定", ["Proposal"] = "予算案",
        ["OnTrack"] = "順調", ["Ahead"] = "前倒し", ["Delayed"] = "遅れ", ["Completed"] = "完了", ["Suspended"] = "中止・休止",
    };

    private static readonly HashSet<string> UnitFields = ["OwnerUnitId", "OrgUnitId", "ParentId", "DepartmentId"];

    // Money is stored in yen and read in 千円.
    private static readonly HashSet<string> AmountFields =
        ["SettledCost", "StaffCostPerPersonYear", "RecordedStaffCost", "SettledNational", "SettledPrefectural", "SettledBonds", "SettledOtherSpecific", "SettledGeneral", "Cost", "National", "Prefectural", "Bonds", "OtherSpecific", "General", "Requested", "Assessed", "Initial", "Supplementary", "Settled", "Expenditure", "Amount", "Granted"];

    public static string Of(string field) => Names.GetValueOrDefault(field, field);

    public static string Of(string entity, string field) => ByEntity.GetValueOrDefault((entity, field)) ?? Of(field);

    public static bool IsUnitField(string field) => UnitFields.Contains(field);

    public static bool IsAmountField(string field) => AmountFields.Contains(field);

    public static bool IsNamed(string field) => Names.ContainsKey(field);

    /// A recorded value as staff read it: enum codes in Japanese, unit ids as the unit's name.
    public static string? Value(string field, string? value, Core.Organization.OrgTree org)
    {
        if (value is null) return null;
        if (UnitFields.Contains(field) && int.TryParse(value, out var id) && org.Find(id) is not null) return org.PathName(id);
        if (AmountFields.Contains(field) && long.TryParse(value, out var yen)) return Core.Common.Amounts.Thousands(yen) + " 千円";
        return Values.GetValueOrDefault(value, value);
    }
}
