using Komaki.Management.Core.BudgetFormulation;
using Komaki.Management.Core.Cycle;
using Komaki.Management.Core.Evaluation;
using Komaki.Management.Core.Identity;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Plans;
using Komaki.Management.Core.Publishing;

namespace Komaki.Management.Core.Data.Seeding;

/// Fills an empty database with a realistic city: 12 departments, the six-field plan, 30 measures,
/// 150 projects, indicators with five years of targets and actuals, and one user per role.
public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles)
{
    /// For the demo only: README.md lists these accounts so nobody mistakes them for real ones.
    public const string DemoPassword = "Komaki-demo-2024";

    public static readonly (string Email, string Name, string Role, string? Division)[] DemoUsers =
    [
        ("admin@komaki.example", "管理 太郎", Roles.Administrator, "経営企画課"),
        ("kikaku@komaki.example", "企画 花子", Roles.Planning, "経営企画課"),
        ("doro-kacho@komaki.example", "道路 一郎", Roles.DepartmentHead, "道路課"),
        ("doro-tanto@komaki.example", "道路 次郎", Roles.DepartmentStaff, "道路課"),
        ("kankyo-kacho@komaki.example", "環境 三恵", Roles.DepartmentHead, "環境対策課"),
        ("shicho@komaki.example", "小牧 市長", Roles.Executive, "秘書課"),
        ("fukushicho@komaki.example", "大野 隆", Roles.Executive, "秘書課"),
        ("hyoka@komaki.example", "評価 委員", Roles.ExternalReviewer, null),
        ("toshi-bucho@komaki.example", "建設 正人", Roles.DepartmentHead, "都市建設部"),
        ("shimin-bucho@komaki.example", "市民 和子", Roles.DepartmentHead, "市民生活部"),
        ("doro-shuji@komaki.example", "道路 三郎", Roles.DepartmentStaff, "道路課"),
        ("jinji@komaki.example", "人事 担当", Roles.Personnel, "人事課"),
        ("gyosei@komaki.example", "行政 推進", Roles.DepartmentStaff, "行政課"),
        ("somu@komaki.example", "総務 評価", Roles.DepartmentStaff, "総務課"),
        ("kansa@komaki.example", "監査 委員", Roles.Auditor, null),
        ("zaisei@komaki.example", "財政 査定", Roles.Finance, "財政課"),
    ];

    private const int FirstIndicatorYear = 2021;
    private const int LastActualYear = 2025;
    private const int CurrentTargetYear = 2026;

    private static readonly Dictionary<string, string> ProjectOwnerOverrides = new()
    {
        ["火災予防啓発事業"] = "予防課",
        ["消防団活動支援事業"] = "消防総務課",
        ["予防接種事業"] = "健康推進課",
        ["学校給食センター運営事業"] = "教育総務課",
        ["ふるさと納税推進事業"] = "シティプロモーション課",
        ["男女共同参画推進事業"] = "地域活性化推進課",
        ["歩道バリアフリー化事業"] = "道路課",
        ["駅バリアフリー推進事業"] = "交通政策課",
    };

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roleManager)
    {
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role)) await roleManager.CreateAsync(new IdentityRole(role));
        }
    }

    /// Returns false when the database already holds a user or an organisation: demo data (and its published
    /// accounts) never mixes with real data, even when an operator created the first administrator before.
    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        await EnsureRolesAsync(roles);
        if (await db.OrgUnits.AnyAsync(ct) || await db.Users.AnyAsync(ct)) return false;

        var units = SeedOrganization();
        await db.SaveChangesAsync(ct);
        SeedPlan(units);
        await db.SaveChangesAsync(ct);
        var projects = await db.Projects.OrderBy(p => p.Code).ToListAsync(ct);
        new DemoDo(db, new Random(20261124)).Seed(projects);
        await db.SaveChangesAsync(ct);
        var check = new DemoCheck(db, new Random(20250930));
        await check.SeedAsync(ct);
        var people = new DemoPeople(db, new Random(20230212));
        await people.SeedAsync(units, ct);
        await SeedUsersAsync(units);
        await new DemoPersonnel(db).SeedAsync(units, ct);
        await new DemoControl(db).SeedAsync(units, ct);
        await new DemoBudget(db).SeedAsync(units, ct);
        await check.SeedExternalReviewsAsync(ct);
        SeedPublication();
        await db.SaveChangesAsync(ct);
        await SeedEffectPublicationAsync(units, ct);
        return true;
    }

    /// The 財政課 has published 評価の効き目 of the evaluations carried out in 令和7年度 (令和6年度's projects, published
    /// in September 2025: DemoCheck) from 令和7年度's 当初予算 into 令和8年度's requests, 査定 and 当初予算 — the
    /// report as the screen computes it, taken as its snapshot the way the 公表 page does, in May 2026 once 令和8年度's
    /// budget was in force (its 決算 is still to come) — so the public page and the open-data list have what a citizen
    /// would find. The evaluations carried out in 令和8年度 inform 令和9年度's budget, still being compiled.
    private async Task SeedEffectPublicationAsync(Dictionary<string, OrgUnit> units, CancellationToken ct)
    {
        var publishedAt = new DateTime(2026, 5, 15, 1, 0, 0, DateTimeKind.Utc);
        var (publications, org, directions) = (new EffectPublications(db, new BudgetEffect(db), new RecordSaver(db)), new OrgTree(units.Values), await DirectionCatalog.LoadAsync(db, ct));
        var form = new EffectPublishForm { Shown = await publications.ShownAsync(LastActualYear, org, directions) };
        var result = await publications.PublishAsync(LastActualYear, form, "zaisei@komaki.example", publishedAt, org, directions);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    /// Planning has published the actuals and manifesto progress of the years before the current one, set this
    /// year's calendar (the rest keeps the usual dates) and the judgment bands.
    private void SeedPublication()
    {
        var at = new DateTime(2026, 9, 30, 1, 0, 0, DateTimeKind.Utc);
        for (var y = FirstIndicatorYear; y <= LastActualYear; y++)
        {
            db.Publications.Add(new Publication { Kind = PublicationKind.IndicatorActuals, FiscalYear = y, PublishedAt = at, PublishedBy = "kikaku@komaki.example" });
        }
        foreach (var y in new[] { LastActualYear - 1, LastActualYear })
        {
            db.Publications.Add(new Publication { Kind = PublicationKind.ManifestoProgress, FiscalYear = y, PublishedAt = at, PublishedBy = "kikaku@komaki.example" });
        }
        db.CycleDeadlines.Add(new CycleDeadline { FiscalYear = CurrentTargetYear, Stage = CycleStage.ExecutionMidYear, DueOn = new DateOnly(CurrentTargetYear, 10, 30) });
        db.CycleDeadlines.Add(new CycleDeadline { FiscalYear = CurrentTargetYear + 1, Stage = CycleStage.BudgetRequest, DueOn = new DateOnly(CurrentTargetYear, 11, 30) });
        db.JudgmentBands.AddRange(JudgmentBand.Defaults());
    }

    private Dictionary<string, OrgUnit> SeedOrganization()
    {
        var byName = new Dictionary<string, OrgUnit>();
        var d = 0;
        foreach (var (department, divisions) in DemoPlan.Organization)
        {
            d++;
            var dept = Add(new OrgUnit { Code = $"{d:00}", Name = department, Level = OrgUnitLevel.Department, ValidFromYear = 2015, SortOrder = d });
            var c = 0;
            foreach (var division in divisions)
            {
                c++;
                // The 2023 reorganisation: 子育て支援課 became こども政策課.
                var from = division == "こども政策課" ? 2023 : 2015;
                Add(new OrgUnit { Code = $"{d:00}{c:00}", Name = division, Level = OrgUnitLevel.Division, Parent = dept, ValidFromYear = from, SortOrder = c });
            }
            if (department == "こども未来部")
            {
                Add(new OrgUnit { Code = $"{d:00}90", Name = "子育て支援課", Level = OrgUnitLevel.Division, Parent = dept, ValidFromYear = 2015, ValidToYear = 2022, SortOrder = 90 });
            }
        }
        AddSections("経営企画課", "企画係", "行政評価係");
        AddSections("道路課", "道路建設係", "道路維持係");
        AddSections("環境対策課", "環境保全係", "脱炭素推進係");
        return byName;

        OrgUnit Add(OrgUnit unit)
        {
            db.OrgUnits.Add(unit);
            byName[unit.Name] = unit;
            return unit;
        }

        void AddSections(string division, params string[] sections)
        {
            var parent = byName[division];
            var i = 0;
            foreach (var s in sections)
            {
                i++;
                Add(new OrgUnit { Code = $"{parent.Code}{i:00}", Name = s, Level = OrgUnitLevel.Section, Parent = parent, ValidFromYear = 2015, SortOrder = i });
            }
        }
    }

    private void SeedPlan(Dictionary<string, OrgUnit> units)
    {
        var plan = new ComprehensivePlan
        {
            Name = "小牧市まちづくり推進計画",
            Vision = "都市ヴィジョン「幸せをつくる 未来につなぐ 小牧」— 子どもの夢と若者の希望をともに育むまち、誰もが生きがいを持ち健やかに暮らせるまち、魅力と活力あふれるまちを目指す。",
            StartYear = 2020,
            EndYear = 2027,
            PolicyLabel = "分野",
            IsCurrent = true,
        };
        var basic = new BasicPlan { ComprehensivePlan = plan, Name = "分野別計画編（令和6年度改定）", StartYear = 2024, EndYear = 2027 };
        var earlier = new BasicPlan { ComprehensivePlan = plan, Name = "分野別計画編（当初）", StartYear = 2020, EndYear = 2023 };
        db.ComprehensivePlans.Add(plan);
        db.BasicPlans.AddRange(earlier, basic);

        var random = new Random(20241124);
        var f = 0;
        foreach (var field in DemoPlan.Fields)
        {
            f++;
            var policy = new Policy { BasicPlan = basic, Code = $"{f}", Name = field.Name, SortOrder = f };
            db.Policies.Add(policy);
            var m = 0;
            foreach (var ms in field.Measures)
            {
                m++;
                var measure = new Measure
                {
                    Policy = policy, Code = $"{f}-{m}", Name = ms.Name, SortOrder = m,
                    OwnerUnitId = units[ms.OwnerDivision].Id,
                    Description = $"{ms.Name}に向けて、関係課と連携して施策を推進する。",
                };
                db.Measures.Add(measure);
                AddMeasureIndicator(measure, ms, random);
                var basicProjects = BasicProjectsFor(measure);
                var p = 0;
                foreach (var name in ms.Projects)
                {
                    p++;
                    var owner = ProjectOwnerOverrides.GetValueOrDefault(name, ms.OwnerDivision);
                    var project = new Project
                    {
                        Measure = measure,
                        Code = $"{f}-{m}-{p:00}",
                        Name = name,
                        SortOrder = p,
                        OwnerUnitId = units[owner].Id,
                        IsMajor = p == 1 || (f + m + p) % 11 == 0,
                        StartYear = name switch { "ゼロカーボン推進事業" => 2023, "産後ケア事業" => 2022, "やさしい日本語普及事業" => 2021, _ => 2015 + (f * 7 + m * 3 + p) % 6 },
                        BasicProject = basicProjects.Count == 0 ? null : basicProjects[p <= 3 ? 0 : 1],
                        Description = $"{name}を実施し、{ms.Name}を図る。",
                    };
                    if (name == "プレミアム商品券事業")
                    {
                        project.EndYear = 2023;
                        project.Retire(new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc), "令和5年度で事業終了（物価高騰対策の臨時事業）");
                    }
                    db.Projects.Add(project);
                    AddProjectIndicator(project, random);
                }
            }
        }
    }

    private List<BasicProject> BasicProjectsFor(Measure measure)
    {
        // Only some measures use the optional 基本事業 level, as in the city's plan.
        if (measure.Name != "学校教育の充実" && measure.Name != "高齢者福祉の充実") return [];
        var names = measure.Name == "学校教育の充実"
            ? new[] { "確かな学力の育成", "一人ひとりに応じた支援" }
            : ["地域で支える体制づくり", "介護予防と生きがいづくり"];
        var list = names.Select((n, i) => new BasicProject { Measure = measure, Code = $"{measure.Code}-{i + 1}", Name = n, SortOrder = i + 1 }).ToList();
        db.BasicProjects.AddRange(list);
        return list;
    }

    private void AddMeasureIndicator(Measure measure, DemoPlan.MeasureSeed ms, Random random)
    {
        var indicator = new Indicator
        {
            Measure = measure, Name = ms.Indicator, Kind = IndicatorKind.Outcome, Unit = ms.Unit,
            Direction = ms.LowerIsBetter ? IndicatorDirection.LowerIsBetter : IndicatorDirection.HigherIsBetter,
            BaselineValue = ms.Baseline, BaselineYear = 2019, SortOrder = 1,
        };
        DemoSeries.Fill(indicator, ms.Baseline, ms.YearlyStep, 2019, FirstIndicatorYear, LastActualYear, CurrentTargetYear);
        // The series has its own seed; the shared sequence advances as it always did, so the rest of the city stays put.
        for (var y = FirstIndicatorYear; y <= LastActualYear; y++) random.NextDouble();
        db.Indicators.Add(indicator);
        if (DemoPlan.SecondIndicators.TryGetValue(ms.Name, out var second))
        {
            var other = new Indicator
            {
                Measure = measure, Name = second.Name, Kind = IndicatorKind.Outcome, Unit = second.Unit,
                Direction = second.LowerIsBetter ? IndicatorDirection.LowerIsBetter : IndicatorDirection.HigherIsBetter,
                BaselineValue = second.Baseline, BaselineYear = 2019, SortOrder = 2,
            };
            DemoSeries.Fill(other, second.Baseline, second.YearlyStep, 2019, FirstIndicatorYear, LastActualYear, CurrentTargetYear);
            db.Indicators.Add(other);
        }
    }

    private void AddProjectIndicator(Project project, Random random)
    {
        var (name, unit, baseline) = project.Name switch
        {
            var n when n.Contains("補助") => ("補助件数", "件", 40m + random.Next(0, 160)),
            var n when n.Contains("検診") || n.Contains("診査") || n.Contains("接種") => ("受診者数", "人", 3000m + random.Next(0, 9000)),
            var n when n.Contains("整備") || n.Contains("長寿命化") || n.Contains("改良") || n.Contains("更新") => ("整備箇所数", "箇所", 4m + random.Next(0, 20)),
            var n when n.Contains("運営") || n.Contains("運行") => ("利用者数", "人", 5000m + random.Next(0, 40000)),
            var n when n.Contains("支援") || n.Contains("相談") => ("支援件数", "件", 80m + random.Next(0, 400)),
            _ => ("実施回数", "回", 6m + random.Next(0, 40)),
        };
        var indicator = new Indicator
        {
            Project = project, Name = name, Kind = IndicatorKind.Activity, Unit = unit,
            Direction = IndicatorDirection.HigherIsBetter, BaselineValue = baseline, BaselineYear = 2019, SortOrder = 1,
        };
        FillValues(indicator, baseline, Math.Max(1, Math.Round(baseline * 0.03m)), random);
        db.Indicators.Add(indicator);
    }

    /// A project's activity indicator: targets up by the step each year, actuals near them.
    private static void FillValues(Indicator indicator, decimal baseline, decimal step, Random random)
    {
        var decimals = baseline == Math.Round(baseline) && step == Math.Round(step) ? 0 : 1;
        for (var year = FirstIndicatorYear; year <= CurrentTargetYear; year++)
        {
            var target = Math.Round(baseline + step * (year - 2019), decimals);
            decimal? actual = null;
            // Like real departments, some have not yet entered last year's actual.
            var notYetEntered = year == LastActualYear && random.NextDouble() < 0.15;
            if (year <= LastActualYear && !notYetEntered)
            {
                // Roughly two years in three meet the target; the rest fall short by a few percent.
                var swing = (decimal)(random.NextDouble() * 0.12 - 0.05);
                actual = Math.Round(target * (1 + swing), decimals);
            }
            indicator.SetValue(year, target, actual);
        }
    }

    private async Task SeedUsersAsync(Dictionary<string, OrgUnit> units)
    {
        foreach (var (email, name, role, division) in DemoUsers)
        {
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name,
                OrgUnitId = division is null ? null : units[division].Id,
            };
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }
    }
}
