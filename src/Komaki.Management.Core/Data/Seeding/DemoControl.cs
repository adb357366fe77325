using Komaki.Management.Core.InternalControl;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Staffing;

namespace Komaki.Management.Core.Data.Seeding;

/// The demo city's 内部統制 and 定員管理: the basic policy (推進部局 行政課, 評価部局 総務課); 令和7年度's cycle complete —
/// risks of six divisions evaluated, three deficiencies corrected (one material), the report reviewed by the audit
/// committee, presented and published — and 令和8年度's under way (requested, most divisions submitted, one late, one
/// deficiency past its due date); processing errors; and the staffing of every division for 令和7・8年度, reconciled
/// with the evaluations' 人工 (three divisions beyond the tolerance), with 令和9年度 requests partly assessed.
internal sealed class DemoControl(AppDbContext db)
{
    private sealed record DemoRisk(string Unit, ControlArea Area, string Process, string Description, string Cause, string Control, int L, int I, string Measures, string Owner, string? Project);

    private static readonly DemoRisk[] Risks =
    [
        new("道路課", ControlArea.Finance, "工事請負契約の変更", "設計変更に伴う契約変更の決裁を経ずに工事を進めてしまう", "現場の判断を優先し、事務手続が後回しになる", "変更協議書の様式", 2, 3, "変更前の決裁を工程表に組み込み、係長が週次で確認する", "道路課長", "6-2-01"),
        new("道路課", ControlArea.Finance, "道路占用料の徴収", "占用許可の更新時に占用料の調定が漏れる", "許可台帳と調定が別の表で管理されている", "年1回の台帳照合", 2, 2, "許可台帳と調定を1つの表にまとめ、更新月に照合する", "道路課長補佐", null),
        new("環境対策課", ControlArea.Finance, "環境保全補助金の交付", "交付要件を満たさない申請に補助金を交付する", "審査の着眼点が担当者ごとに違う", "審査票", 2, 2, "審査の着眼点を審査票に明記し、二人で審査する", "環境対策課長", null),
        new("収税課", ControlArea.Information, "滞納整理の通知", "通知を別人に送付し、個人情報が漏えいする", "封入作業を一人で行っている", "宛名の目視確認", 2, 3, "封入を二人一組で行い、チェックリストに記録する", "収税課長", null),
        new("収税課", ControlArea.Finance, "口座振替データの取込", "金融機関から届いたデータの取込を誤り、二重に引き落とす", "取込件数と金額の照合手順がない", "なし", 1, 3, "取込後に件数・金額を照合し、結果を係長が確認する", "収税課長補佐", null),
        new("市民課", ControlArea.Compliance, "証明書の交付", "本人確認が不十分なまま証明書を交付する", "繁忙期に確認手順が省かれる", "本人確認の手引き", 2, 2, "確認書類の記録欄を申請書に設け、交付前に複数で確認する", "市民課長", null),
        new("幼児保育課", ControlArea.Finance, "保育料の算定", "税額の更新を反映せずに保育料を算定する", "税情報の取込時期と算定時期がずれる", "算定表の確認", 2, 2, "税情報の取込後に算定をやり直す手順を定める", "幼児保育課長", null),
    ];

    public async Task SeedAsync(Dictionary<string, OrgUnit> units, CancellationToken ct)
    {
        db.ControlPolicies.Add(new ControlPolicy
        {
            Edition = 1, Title = "小牧市内部統制基本方針", AdoptedOn = new DateOnly(2024, 3, 29), ChiefName = "小牧 誠", ResponsibleName = "副市長",
            PromotionUnitId = units["行政課"].Id, EvaluationUnitId = units["総務課"].Id,
            Text = "市は、事務の適正な執行を確保するため、財務に関する事務をはじめとする事務のリスクを洗い出し、その発生を防ぐ統制を整え、毎年度その整備と運用の状況を評価して改善を図る。",
        });
        db.ControlYears.Add(new ControlYear
        {
            FiscalYear = 2025, RequestedOn = new DateOnly(2025, 6, 2), EntryDue = new DateOnly(2025, 7, 31), ConsolidatedOn = new DateOnly(2025, 8, 8), EvaluationDue = new DateOnly(2026, 2, 27),
            ReportedOn = new DateOnly(2026, 5, 29), AuditReviewedOn = new DateOnly(2026, 7, 24), CouncilOn = new DateOnly(2026, 9, 2), PublishedOn = new DateOnly(2026, 9, 15),
            AuditOpinion = "評価の手続及び結果は適正と認められる。重大な不備の是正が図られたことを確認した。引き続き、封入作業等の定型業務の統制の運用を徹底されたい。",
        });
        db.ControlYears.Add(new ControlYear { FiscalYear = 2026, RequestedOn = new DateOnly(2026, 6, 1), EntryDue = new DateOnly(2026, 7, 31), EvaluationDue = new DateOnly(2027, 2, 26) });
        var projects = await db.Projects.Where(p => p.RetiredAt == null).ToDictionaryAsync(p => p.Code, ct);
        var risks = new Dictionary<(int, string), ControlRisk>();
        foreach (var year in new[] { 2025, 2026 })
        {
            var n = new Dictionary<string, int>();
            foreach (var d in Risks)
            {
                var unit = units[d.Unit];
                n[d.Unit] = n.GetValueOrDefault(d.Unit) + 1;
                var risk = new ControlRisk
                {
                    FiscalYear = year, Code = $"R{year % 100:00}-{unit.Code}-{n[d.Unit]:00}", OrgUnitId = unit.Id, Area = d.Area, Process = d.Process, Description = d.Description,
                    Scope = d.Area == ControlArea.Information ? RiskScope.CityWide : RiskScope.UnitSpecific, Cause = d.Cause, ExistingControl = d.Control, Likelihood = d.L, Impact = d.I,
                    Response = RiskResponse.Reduce, Measures = d.Measures, Owner = d.Owner, DueOn = new DateOnly(year + 1, 3, 31),
                    State = year == 2025 ? RiskState.Evaluated : d.Unit == "環境対策課" ? RiskState.Draft : RiskState.Submitted,
                };
                if (d.Project is string code && projects.TryGetValue(code, out var project)) risk.Links.Add(new ControlRiskLink { ProjectId = project.Id });
                if (year == 2025) Evaluate(risk, "総務 評価", new DateTime(2026, 2, 20, 1, 0, 0, DateTimeKind.Utc));
                risks[(year, risk.Code[4..])] = risk;
                db.ControlRisks.Add(risk);
            }
        }
        Deficient(risks[(2025, $"{units["道路課"].Code}-01")], DeficiencyKind.Operation, "変更決裁の前に着工した事案が2件あった。", "工程会議で決裁状況を確認する。", new DateOnly(2026, 1, 31), new DateOnly(2026, 1, 20), "工程会議の議題に決裁状況を加え、以後の事案はすべて事前決裁となった。");
        Deficient(risks[(2025, $"{units["収税課"].Code}-01")], DeficiencyKind.Material, "通知の誤送付が1件発生し、第三者に滞納情報が伝わった。", "封入を二人一組にし、チェックリストを導入する。", new DateOnly(2026, 2, 28), new DateOnly(2026, 2, 10), "二人一組の封入とチェックリストを全件で実施している。");
        Deficient(risks[(2025, $"{units["市民課"].Code}-01")], DeficiencyKind.Design, "代理人への交付時の確認手順が手引きになかった。", "手引きに代理人の確認手順を加える。", new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 18), "手引きを改訂し、窓口研修を行った。");
        var evaluated = risks[(2026, $"{units["収税課"].Code}-02")];
        Evaluate(evaluated, "総務 評価", new DateTime(2026, 10, 20, 1, 0, 0, DateTimeKind.Utc));
        Deficient(evaluated, DeficiencyKind.Operation, "照合結果の係長確認が記録されていない月があった。", "照合結果に確認印の欄を設け、月末に課長が点検する。", new DateOnly(2026, 11, 30), null, null);
        // 環境対策課 has not submitted its 令和8年度 register: the 推進部局 chased it after the entry due date.
        db.ControlChases.Add(new ControlChase
        {
            FiscalYear = 2026, OrgUnitId = units["環境対策課"].Id, At = new DateTime(2026, 8, 4, 0, 30, 0, DateTimeKind.Utc), ByName = "行政 推進",
            Message = "記入期限（7月31日）を過ぎています。リスク登録簿の記入と提出をお願いします。",
        });
        await db.SaveChangesAsync(ct);

        db.ProcessingErrors.AddRange(
            new ProcessingError
            {
                FiscalYear = 2025, OccurredOn = new DateOnly(2025, 10, 14), OrgUnitId = units["収税課"].Id, Title = "滞納整理通知の誤送付", ControlRiskId = risks[(2025, $"{units["収税課"].Code}-01")].Id,
                WhatHappened = "滞納整理の通知1通を別の納税者に送付した。", Cause = "封入作業を一人で行い、宛名と中身の照合をしなかった。", Impact = "第三者に氏名と滞納額が伝わった。",
                Correction = "受け取った方を訪問して回収し、本人に謝罪した。", Prevention = "封入を二人一組で行い、チェックリストに記録する。", PublishedOn = new DateOnly(2025, 10, 20),
            },
            new ProcessingError
            {
                FiscalYear = 2026, OccurredOn = new DateOnly(2026, 9, 3), OrgUnitId = units["道路課"].Id, Title = "道路占用許可書の記載誤り", ControlRiskId = risks[(2026, $"{units["道路課"].Code}-02")].Id,
                WhatHappened = "占用許可書の占用期間を誤って記載した。", Cause = "前回の許可書を流用して作成した。", Impact = "占用料の調定額に誤りはなかった。",
                Correction = "許可書を差し替えた。", Prevention = "許可書を台帳から作成する手順に改めた。",
            });

        // The 令和7年度 report was made, given to the council and published: it is frozen as it was made.
        var published = db.ControlYears.Local.First(y => y.FiscalYear == 2025);
        published.ReportSnapshot = ControlFigures.Of(risks.Where(r => r.Key.Item1 == 2025).Select(r => r.Value).ToList(),
            db.ProcessingErrors.Local.Where(e => e.FiscalYear == 2025).ToList(), published.ReportedOn!.Value, ControlYearSteps.Label(ControlYearStep.Report)).ToJson();

        var org = new OrgTree(await db.OrgUnits.AsNoTracking().ToListAsync(ct));
        // 道路課 and 環境対策課 broke their 令和7年度 人工 down by employment type: the largest project of each carries
        // the half person-year of their 会計年度任用 assistant.
        var year2025 = await db.ProjectEvaluations.Where(e => e.FiscalYear == 2025).ToListAsync(ct);
        foreach (var name in new[] { "道路課", "環境対策課" })
        {
            var own = year2025.Where(e => org.IsSameOrUnder(e.OwnerUnitId, units[name].Id)).OrderByDescending(e => e.StaffPersonYears).ToList();
            foreach (var e in own) (e.ReappointedPersonYears, e.FiscalYearPersonYears) = (0, 0);
            if (own.Count > 0 && own[0].StaffPersonYears >= 0.5m) own[0].FiscalYearPersonYears = 0.5m;
        }
        await db.SaveChangesAsync(ct);
        var evaluations = await db.ProjectEvaluations.Where(e => e.FiscalYear == 2025).Select(e => new { e.OwnerUnitId, e.StaffPersonYears }).ToListAsync(ct);
        var staffingYears = DemoYears.Select(year => new StaffingYear
        {
            FiscalYear = year, RequestDue = new DateOnly(year, 11, 30), AssessmentDue = new DateOnly(year + 1, 1, 31), Tolerance = 0.5m,
            UnitCosts = Enum.GetValues<JobType>().Select(j => new StaffingUnitCost { JobType = j, CostPerPersonYear = j switch
            {
                JobType.Technical => 8_200_000, JobType.Welfare => 7_600_000, JobType.Fire => 8_500_000, JobType.Labor => 6_800_000, JobType.Medical => 8_300_000, _ => 8_000_000,
            } }).Concat(
            [
                // Short-hours 再任用 and part-time 会計年度任用 posts cost far less than full-time staff.
                new StaffingUnitCost { JobType = JobType.Administrative, Employment = Personnel.EmploymentType.Reappointed, CostPerPersonYear = 5_200_000 },
                new StaffingUnitCost { JobType = JobType.Administrative, Employment = Personnel.EmploymentType.FiscalYearAppointed, CostPerPersonYear = 2_400_000 },
            ]).ToList(),
        }).ToList();
        db.StaffingYears.AddRange(staffingYears);
        var regularTotal = 0;
        string[] technical = ["道路課", "都市政策課", "公園緑地課", "上下水道課", "交通政策課"];
        var offsets = new Dictionary<string, int> { ["道路課"] = 2, ["環境対策課"] = -2, ["保険医療課"] = 1 };
        foreach (var (name, unit) in units.Where(u => u.Value.Level == OrgUnitLevel.Division && u.Value.IsValidIn(2025)))
        {
            var py = evaluations.Where(e => org.IsSameOrUnder(e.OwnerUnitId, unit.Id)).Sum(e => e.StaffPersonYears);
            var regular = Math.Max(2, (int)Math.Round(py, MidpointRounding.AwayFromZero) - 1 + offsets.GetValueOrDefault(name));
            regularTotal += regular;
            var job = technical.Contains(name) ? JobType.Technical : name == "幼児保育課" ? JobType.Welfare : unit.ParentId == units["消防本部"].Id ? JobType.Fire : JobType.Administrative;
            foreach (var year in new[] { 2025, 2026 })
            {
                var assessed2025 = year == 2025;
                db.StaffingLines.Add(new StaffingLine
                {
                    FiscalYear = year, OrgUnitId = unit.Id, JobType = job, Employment = Personnel.EmploymentType.Regular, Allocated = regular, ActualApril1 = name == "幼児保育課" && year == 2026 ? regular - 1 : regular,
                    Requested = assessed2025 ? regular : name switch { "道路課" => regular + 1, "環境対策課" => regular + 1, _ => null },
                    RequestReason = !assessed2025 && name == "道路課" ? "通学路の安全対策工事が増え、監督員が不足するため。" : !assessed2025 && name == "環境対策課" ? "不法投棄対策の巡回を強化するため。" : null,
                    Assessed = assessed2025 ? regular : name == "環境対策課" ? regular : null,
                    AssessmentReason = !assessed2025 && name == "環境対策課" ? "巡回の一部を委託で対応し、増員は見送る。" : assessed2025 ? "業務量に変わりがないため現員とする。" : null,
                    State = assessed2025 || name == "環境対策課" ? StaffingState.Assessed : name == "道路課" ? StaffingState.Requested : StaffingState.Draft,
                });
                var answered = assessed2025 || name is "道路課" or "環境対策課";
                db.StaffingLines.Add(new StaffingLine
                {
                    FiscalYear = year, OrgUnitId = unit.Id, JobType = JobType.Administrative, Employment = Personnel.EmploymentType.FiscalYearAppointed, Allocated = 1, ActualApril1 = 1,
                    Requested = answered ? 1 : null, Assessed = assessed2025 || name == "環境対策課" ? 1 : null,
                    State = assessed2025 || name == "環境対策課" ? StaffingState.Assessed : answered ? StaffingState.Requested : StaffingState.Draft,
                });
            }
        }
        // The quota leaves room; the plan's target was met in 令和7年度 and is one over in 令和8年度, as the index then says.
        foreach (var y in staffingYears)
        {
            y.OrdinanceQuota = regularTotal + 15;
            y.PlanTarget = y.FiscalYear == 2025 ? regularTotal + 2 : regularTotal - 1;
        }
        await db.SaveChangesAsync(ct);
    }

    private static readonly int[] DemoYears = [2025, 2026];

    private static void Evaluate(ControlRisk risk, string by, DateTime at)
    {
        risk.State = RiskState.Evaluated;
        risk.DesignRating = ControlRating.Effective;
        risk.DesignEvidence = "手順書と様式を確認した。";
        risk.OperationRating = ControlRating.Effective;
        risk.OperationEvidence = "抽出した10件の記録を確認した。";
        risk.EvaluatedBy = by;
        risk.EvaluatedAt = at;
    }

    private static void Deficient(ControlRisk risk, DeficiencyKind kind, string description, string action, DateOnly due, DateOnly? corrected, string? note)
    {
        if (kind == DeficiencyKind.Design) risk.DesignRating = ControlRating.Deficient;
        else risk.OperationRating = ControlRating.Deficient;
        // A correction of the year before the report was confirmed by the 評価部局 a week later.
        risk.Deficiencies.Add(new ControlDeficiency
        {
            Kind = kind, Description = description, CorrectiveAction = action, DueOn = due, CorrectedOn = corrected, CorrectionNote = note,
            CorrectionConfirmedOn = corrected?.AddDays(7), CorrectionConfirmedBy = corrected is null ? null : "総務 評価",
        });
    }
}
