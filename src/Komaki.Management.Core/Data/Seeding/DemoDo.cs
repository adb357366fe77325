using Komaki.Management.Core.Common;
using Komaki.Management.Core.Budgets;
using Komaki.Management.Core.Execution;
using Komaki.Management.Core.Implementation;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Data.Seeding;

/// The demo city's Do half: the 令和7年度 and 令和8年度 editions of the 実施計画 (the later one a revised
/// copy of the earlier), budgets from 令和4年度 settled accounts to the 令和9年度 requests now being
/// assessed (late November), and the major projects' execution plans with mid-year progress.
internal sealed class DemoDo(AppDbContext db, Random random)
{
    private const int PreviousEdition = 2025;
    private const int CurrentEdition = 2026;

    public void Seed(IReadOnlyList<Project> projects)
    {
        var baseCost = projects.ToDictionary(p => p.Id, p => BaseCost(p));
        var previous = Edition(PreviousEdition, null);
        var current = Edition(CurrentEdition, previous);
        foreach (var p in projects.Where(p => !p.IsRetired))
        {
            for (var y = PreviousEdition; y < PreviousEdition + 3; y++) AddLine(previous, p, y, baseCost[p.Id], revision: 0);
            for (var y = CurrentEdition; y < CurrentEdition + 3; y++) AddLine(current, p, y, baseCost[p.Id], revision: 1);
        }
        db.ImplementationPlans.AddRange(previous, current);

        foreach (var p in projects)
        {
            for (var y = 2022; y <= 2027; y++)
            {
                if (!p.IsActiveIn(y)) continue;
                if (y == 2027 && random.NextDouble() < 0.4) continue; // requests still arriving
                db.BudgetLines.Add(Budget(p, y, CostIn(baseCost[p.Id], y, 0)));
            }
        }

        foreach (var p in projects.Where(p => p.IsMajor && !p.IsRetired))
        {
            foreach (var year in new[] { 2025, 2026 })
            {
                if (!p.IsActiveIn(year)) continue;
                // Three departments have not yet filed this year's mid-year report.
                var midYearFiled = year == 2025 || p.Id % 9 != 0;
                db.ExecutionPlans.Add(Execution(p, year, midYearFiled, year == 2025));
            }
        }
    }

    private static ImplementationPlan Edition(int year, ImplementationPlan? from) => new()
    {
        FiscalYear = year,
        Title = ImplementationPlan.DefaultTitle(year),
        CopiedFrom = from,
        CreatedAt = new DateTime(year - 1, 10, 1, 0, 0, 0, DateTimeKind.Utc),
        Lines = [],
    };

    private long BaseCost(Project p)
    {
        var thousands = p.Name switch
        {
            var n when n.Contains("整備") || n.Contains("改良") || n.Contains("長寿命化") || n.Contains("更新") => random.Next(800, 4000) * 100,
            var n when n.Contains("運営") || n.Contains("運行") => random.Next(300, 1500) * 100,
            var n when n.Contains("補助") || n.Contains("助成") || n.Contains("手当") => random.Next(100, 900) * 100,
            _ => random.Next(10, 300) * 100,
        };
        return thousands * 1000L;
    }

    /// Costs drift a little each year; the later edition revises its years (revision 1).
    private static long CostIn(long baseCost, int year, int revision)
    {
        // About one project in four is re-estimated in the revision, as in a real rolling review.
        var revised = revision == 1 && baseCost / 100000 % 4 == 0;
        var factor = 1m + (year - 2024) * 0.02m + (revised ? ((year * 7 + (int)(baseCost / 100000)) % 5 - 2) * 0.03m : 0);
        return (long)Math.Round(baseCost * factor / 100000m) * 100000;
    }

    private static void AddLine(ImplementationPlan edition, Project p, int year, long baseCost, int revision)
    {
        if (!p.IsActiveIn(year)) return;
        var cost = CostIn(baseCost, year, revision);
        var status = p.StartYear == year ? ImplementationStatus.New
            : revision == 1 && year == edition.FiscalYear && baseCost % 7 == 0 ? ImplementationStatus.Expanded
            : revision == 1 && year == edition.FiscalYear + 1 && baseCost % 11 == 0 ? ImplementationStatus.Reduced
            : ImplementationStatus.Continuing;
        var line = new ImplementationPlanLine
        {
            Project = p, FiscalYear = year, Status = status,
            Content = Content(p, year),
            Cost = cost,
        };
        Fund(line, p);
        edition.Lines.Add(line);
    }

    private static string Content(Project p, int year) => p.Name switch
    {
        var n when n.Contains("整備") || n.Contains("改良") => $"{n.Replace("事業", "")}の工事を計画的に進める（{year - 2023}期工区）。",
        var n when n.Contains("長寿命化") || n.Contains("更新") => $"点検結果に基づき、優先度の高い施設から{n.Replace("事業", "")}を実施する。",
        var n when n.Contains("補助") || n.Contains("助成") => $"{n.Replace("事業", "")}の交付。制度の周知を強化し申請件数の増加を図る。",
        var n when n.Contains("運営") || n.Contains("運行") => $"{n.Replace("事業", "")}。利用状況を検証し、運営方法を改善する。",
        _ => $"{p.Name.Replace("事業", "")}を実施する。前年度の実績と市民意見を踏まえ内容を充実させる。",
    };

    /// A funding pattern by kind of project: construction on bonds and national grants, welfare on
    /// national and prefectural shares, the rest mostly general revenue.
    private static void Fund(ImplementationPlanLine line, Project p)
    {
        var cost = line.Cost;
        long Share(decimal rate) => (long)Math.Round(cost * rate / 1000m) * 1000;
        long national = 0, prefectural = 0, bonds = 0, other = 0;
        if (p.Name.Contains("整備") || p.Name.Contains("改良") || p.Name.Contains("長寿命化"))
        {
            national = Share(0.5m);
            bonds = Share(0.35m);
        }
        else if (p.Name.Contains("手当") || p.Name.Contains("医療") || p.Name.Contains("子育て") || p.Name.Contains("保育"))
        {
            national = Share(0.5m);
            prefectural = Share(0.25m);
        }
        else if (p.Name.Contains("補助") || p.Name.Contains("支援"))
        {
            prefectural = Share(0.25m);
        }
        if (p.Name.Contains("運営") || p.Name.Contains("運行")) other = Share(0.2m);
        line.Funding = new Funding(national, prefectural, bonds, other, cost - national - prefectural - bonds - other);
    }

    private BudgetLine Budget(Project p, int year, long planCost)
    {
        long Round(decimal v) => (long)Math.Round(v / 1000m) * 1000;
        var requested = Round(planCost * (decimal)(1.0 + random.NextDouble() * 0.08));
        var line = new BudgetLine { Project = p, FiscalYear = year, Requested = requested };
        if (year == 2027) return line;
        line.Assessed = Round(requested * (decimal)(0.9 + random.NextDouble() * 0.1));
        line.Initial = line.Assessed;
        if (random.NextDouble() < 0.15) line.Supplementary = Round(line.Initial.Value * (decimal)(random.NextDouble() * 0.2 - 0.05));
        if (year <= 2025) line.Settled = Round(line.Current!.Value * (decimal)(0.86 + random.NextDouble() * 0.13));
        return line;
    }

    private static ExecutionPlan Execution(Project p, int year, bool midYearFiled, bool yearEndFiled)
    {
        var thing = p.Name.Replace("事業", "");
        var plan = new ExecutionPlan
        {
            Project = p, FiscalYear = year, OwnerUnitId = p.OwnerUnitId,
            Goal = $"{thing}を計画どおり進め、指標の目標値を達成する。",
            Content = Content(p, year),
        };
        var construction = p.Name.Contains("整備") || p.Name.Contains("改良") || p.Name.Contains("長寿命化") || p.Name.Contains("更新");
        var steps = construction
            ? new Dictionary<int, string> { [4] = "実施設計", [6] = "◆入札・契約", [7] = "工事", [8] = "工事", [9] = "工事", [10] = "工事", [11] = "工事", [12] = "◆中間検査", [1] = "工事", [2] = "◆完成検査", [3] = "事業効果の検証" }
            : new Dictionary<int, string> { [4] = "実施計画の確定", [5] = "◆事業周知", [6] = "実施", [7] = "実施", [8] = "実施", [9] = "◆中間評価", [10] = "実施", [11] = "実施", [12] = "実施", [1] = "次年度準備", [2] = "実績集計", [3] = "◆実績報告" };
        foreach (var (month, work) in steps) plan.SetWork(month, work);
        if (midYearFiled)
        {
            var delayed = p.Id % 5 == 0;
            plan.MidYearStatus = delayed ? ProgressStatus.Delayed : ProgressStatus.OnTrack;
            plan.MidYearProgress = delayed
                ? "関係機関との協議に時間を要し、予定より1か月程度遅れている。下半期に工程を見直して挽回する。"
                : "上半期の予定どおり実施した。下半期も計画どおり進める。";
        }
        if (midYearFiled && !yearEndFiled && construction && p.Id % 5 != 0 && p.Id % 3 == 0)
        {
            // On track in September, a slip found in November: reported then, beside the 9月末 report, not over it.
            plan.Reports.Add(new ExecutionProgressReport
            {
                AsOf = new DateOnly(year, 11, 28), ReportStatus = ProgressStatus.Delayed, ReportedBy = "担当課長", ReportedAt = new DateTime(year, 11, 28, 6, 0, 0, DateTimeKind.Utc),
                ReportText = "資材の納期遅れで工事が3週間程度遅れている。1月に作業班を増やし、完成検査は予定どおり2月に行う見込み。",
            });
        }
        if (yearEndFiled)
        {
            plan.YearEndStatus = p.Id % 5 == 0 ? ProgressStatus.Delayed : ProgressStatus.Completed;
            plan.YearEndProgress = p.Id % 5 == 0 ? "一部を翌年度に繰り越した。" : "年度の目標を達成した。";
        }
        return plan;
    }
}
