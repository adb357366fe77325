using Komaki.Management.Core.CitizenVoice;
using Komaki.Management.Core.Goals;
using Komaki.Management.Core.Manifesto;
using Komaki.Management.Core.Organization;
using Komaki.Management.Core.Plans;

namespace Komaki.Management.Core.Data.Seeding;

/// The demo city's citizens' will and organisation: the mayor's manifesto (30 promises, four deliberately not yet
/// in the plan and one carried only by a project that has ended), citizen input through every channel, two years of
/// the citizen survey, and a year of organisational goals at every stage of the workflow, with individual goals.
internal sealed class DemoPeople(AppDbContext db, Random random)
{
    private sealed record Promise(string Number, string Area, string Title, string Description, string? Target, string Links);

    private static readonly Promise[] Manifesto =
    [
        new("1-1", "子育て・教育", "子ども医療費助成の拡充", "通院・入院の医療費助成を高校生世代まで広げ、子育て世帯の負担を軽くします。", "対象を18歳年度末まで", "M:3-1"),
        new("1-2", "子育て・教育", "待機児童ゼロの継続", "保育の受け皿を確保し、年度途中も含めて待機児童ゼロを続けます。", "待機児童 0人", "M:3-2 P:3-2-01"),
        new("1-3", "子育て・教育", "学力向上と少人数教育", "少人数学級と学習支援員の配置で、一人ひとりに目の届く授業を進めます。", null, "M:3-3"),
        new("1-4", "子育て・教育", "学校体育館へのエアコン設置", "避難所にもなる小中学校の体育館に空調を整備します。", "全小中学校 25校", "P:3-4-01"),
        new("1-5", "子育て・教育", "放課後児童クラブの拡充", "希望するすべての児童が放課後を安全に過ごせるよう定員を増やします。", "定員 200人増", "M:3-1 P:3-1-02"),
        new("1-6", "子育て・教育", "不登校の子どもの居場所づくり", "学校に行きづらい子どもが安心して過ごし学べる場を各地区につくります。", "市内4か所", ""),
        new("2-1", "健康・福祉", "がん検診の受診率向上", "休日検診と個別通知で、がん検診を受けやすくします。", "受診率 50%", "M:2-1 P:2-1-02"),
        new("2-2", "健康・福祉", "地域包括ケアの推進", "医療・介護・生活支援が切れ目なく届く体制を中学校区ごとに整えます。", null, "M:2-3"),
        new("2-3", "健康・福祉", "認知症の人と家族への支援", "認知症カフェと見守りネットワークを広げます。", "認知症カフェ 10か所", "P:2-3-03"),
        new("2-4", "健康・福祉", "障がいのある人の就労支援", "企業と連携し、一般就労への移行を後押しします。", "一般就労への移行 年30人", "M:2-4"),
        new("2-5", "健康・福祉", "フレイル予防の全市展開", "高齢者の筋力・栄養・社会参加を支えるフレイル予防教室を全地区で開きます。", "全21地区", ""),
        new("2-6", "健康・福祉", "市民病院の機能強化", "救急と高度医療を担う市民病院の体制を支えます。", null, "P:2-2-02"),
        new("3-1", "安全・環境", "防災訓練と自主防災組織の強化", "全区で自主防災組織の訓練を行い、地域の防災力を高めます。", "訓練実施率 80%", "M:1-1"),
        new("3-2", "安全・環境", "ゼロカーボンシティの実現", "2050年の温室効果ガス排出実質ゼロに向け、省エネと再エネを進めます。", "2030年度に2013年度比46%削減", "M:1-4 P:1-4-05"),
        new("3-3", "安全・環境", "通学路の安全対策", "危険箇所の点検結果に基づき、歩道整備と見守りを進めます。", null, "P:1-3-04"),
        new("3-4", "安全・環境", "ごみ減量とリサイクルの推進", "生ごみの減量と資源回収の強化で、ごみを減らします。", "1人1日当たり 780g", "M:1-5"),
        new("3-5", "安全・環境", "防犯カメラの増設", "駅周辺や通学路に防犯カメラを増設します。", "200台", "P:1-3-02"),
        new("3-6", "安全・環境", "消防団の処遇改善", "消防団員の報酬と装備を見直し、担い手を確保します。", null, "P:1-2-03"),
        new("4-1", "まちづくり・交通", "こまき巡回バスの再編", "利用実態に合わせて路線とダイヤを見直し、使いやすい巡回バスにします。", null, "M:6-3"),
        new("4-2", "まちづくり・交通", "生活道路の改良", "狭い生活道路の拡幅と舗装の更新を計画的に進めます。", null, "M:6-2 P:6-2-01"),
        new("4-3", "まちづくり・交通", "駅前のにぎわい再生", "小牧駅周辺に人が集まる場をつくり、商店街を元気にします。", null, "M:5-2"),
        new("4-4", "まちづくり・交通", "身近な公園の再整備", "遊具の更新と緑陰づくりで、子育て世代が集える公園にします。", "10公園", "M:6-4"),
        new("4-5", "まちづくり・交通", "自動運転バスの実証", "桃花台地区で自動運転バスの実証運行を行います。", null, ""),
        new("4-6", "まちづくり・交通", "上下水道の耐震化", "基幹管路と浄水施設の耐震化を進めます。", "基幹管路耐震化率 60%", "M:6-5"),
        new("5-1", "産業・行政", "中小企業の事業承継支援", "後継者不在の事業者と担い手を結び付け、地域の仕事を守ります。", null, "M:5-1"),
        new("5-2", "産業・行政", "プレミアム商品券の再実施", "物価高騰に苦しむ家計と地元商店を支えるため、プレミアム商品券を再び発行します。", null, "P:プレミアム商品券事業"),
        new("5-3", "産業・行政", "シティプロモーションの強化", "小牧の魅力を市内外に発信し、訪れる人・住む人を増やします。", null, "M:5-4"),
        new("5-4", "産業・行政", "行政手続のオンライン化", "主な手続を24時間スマートフォンから申請できるようにします。", "主要手続の9割", ""),
        new("5-5", "産業・行政", "外国人市民との共生", "やさしい日本語と相談窓口で、外国人市民が暮らしやすいまちにします。", null, "M:4-4"),
        new("5-6", "産業・行政", "スポーツ・文化の拠点整備", "市民が集うスポーツと文化の拠点を整えます。", null, "M:4-3"),
    ];

    public async Task SeedAsync(Dictionary<string, OrgUnit> units, CancellationToken ct)
    {
        var measures = await db.Measures.ToDictionaryAsync(m => m.Code, ct);
        var projects = await db.Projects.ToListAsync(ct);
        var byCode = projects.Where(p => !p.IsRetired).ToDictionary(p => p.Code);
        var byName = projects.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First());
        SeedManifesto(measures, byCode, byName);
        SeedCitizenInput(measures, byCode);
        SeedSurvey(measures.Values.ToList());
        await db.SaveChangesAsync(ct);
        await SeedGoalsAsync(units, measures, byCode, ct);
    }

    private void SeedManifesto(Dictionary<string, Measure> measures, Dictionary<string, Project> projects, Dictionary<string, Project> byName)
    {
        var term = new MayorTerm { Title = "第3期", MayorName = "小牧 誠", StartDate = new DateOnly(2023, 2, 12), EndDate = new DateOnly(2027, 2, 11) };
        db.MayorTerms.Add(term);
        var order = 0;
        foreach (var p in Manifesto)
        {
            var item = new ManifestoItem
            {
                MayorTerm = term, Number = p.Number, Area = p.Area, Title = p.Title, Description = p.Description,
                NumericTarget = p.Target, SortOrder = ++order,
            };
            foreach (var link in p.Links.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var code = link[2..];
                if (link.StartsWith("M:", StringComparison.Ordinal)) item.Links.Add(new ManifestoLink { Measure = measures[code] });
                else item.Links.Add(new ManifestoLink { Project = projects.TryGetValue(code, out var pr) ? pr : byName[code] });
            }
            // Progress as recorded each year since the term began; unlinked promises have not started.
            for (var year = 2023; year <= 2025; year++)
            {
                var status = item.Links.Count == 0 ? ManifestoStatus.NotStarted
                    : year == 2023 ? ManifestoStatus.Started
                    : year == 2024 ? ManifestoStatus.Advancing
                    : (order % 7) switch { 0 => ManifestoStatus.Achieved, 3 => ManifestoStatus.PartlyAchieved, 5 when p.Number == "5-2" => ManifestoStatus.Revised, _ => ManifestoStatus.Advancing };
                if (p.Number == "5-2" && year >= 2024) status = ManifestoStatus.Revised;
                item.Progress.Add(new ManifestoProgress
                {
                    FiscalYear = year, Status = status,
                    Commentary = status switch
                    {
                        ManifestoStatus.NotStarted => "実施方法を検討中。計画への位置付けはこれから。",
                        ManifestoStatus.Started => "関係課で実施方針をまとめ、事業化に着手した。",
                        ManifestoStatus.Achieved => "目標を達成した。",
                        ManifestoStatus.PartlyAchieved => "目標の一部を達成した。残る部分は次年度に取り組む。",
                        ManifestoStatus.Revised => "国の経済対策の動向を踏まえ、商品券に代えて事業者支援に重点を移す方向で見直し中。",
                        _ => "計画どおり進めている。",
                    },
                    Evidence = item.Links.Count == 0 ? null : "関連する施策・事業の指標と実施計画を参照。",
                });
            }
            db.ManifestoItems.Add(item);
        }
    }

    private void SeedCitizenInput(Dictionary<string, Measure> measures, Dictionary<string, Project> projects)
    {
        (CitizenChannel Channel, DateOnly On, string Summary, string? Answer, CitizenInputStatus Status, string Links)[] inputs =
        [
            (CitizenChannel.TownMeeting, new(2024, 7, 20), "巡回バスの本数が少なく、通院に使いにくい。午前中の便を増やしてほしい。", "利用実態調査の結果を踏まえ、令和7年10月の再編で午前の便を増便しました。", CitizenInputStatus.Reflected, "M:6-3"),
            (CitizenChannel.TownMeeting, new(2024, 7, 20), "子育て支援センターが土日も開いていると助かる。", "令和7年度から月2回の土曜開館を試行しています。", CitizenInputStatus.Reflected, "M:3-1"),
            (CitizenChannel.LetterToMayor, new(2024, 9, 3), "通学路に歩道がなく、朝の車の通行が怖い。", "現地を確認し、通学路安全対策事業で路肩のカラー舗装を行いました。歩道設置は用地の協力を得ながら検討します。", CitizenInputStatus.Answered, "P:1-3-04"),
            (CitizenChannel.PublicComment, new(2024, 12, 10), "ゼロカーボンの計画に、家庭向けの蓄電池補助も入れてほしい。", "住宅用太陽光発電設置補助事業の対象に蓄電池を加えました。", CitizenInputStatus.Reflected, "M:1-4 P:1-4-01"),
            (CitizenChannel.PublicComment, new(2024, 12, 10), "計画の指標が多すぎて市民には分かりにくい。主なものに絞って示してほしい。", "公表資料では施策ごとに代表的な成果指標を示すよう改めます。", CitizenInputStatus.Answered, "M:4-5"),
            (CitizenChannel.Survey, new(2025, 3, 31), "自由記述：公園の遊具が古く、小さい子を遊ばせにくい。", null, CitizenInputStatus.Considering, "M:6-4"),
            (CitizenChannel.Survey, new(2025, 3, 31), "自由記述：ごみの分別が複雑で、外国人の住民には分かりにくい。", "多言語とやさしい日本語の分別ガイドを作成しました。", CitizenInputStatus.Reflected, "M:1-5 M:4-4"),
            (CitizenChannel.LetterToMayor, new(2025, 5, 14), "がん検診を土日にも受けられるようにしてほしい。", "令和7年度から休日検診を年6回実施しています。", CitizenInputStatus.Reflected, "P:2-1-02"),
            (CitizenChannel.TownMeeting, new(2025, 7, 26), "駅前の空き店舗が増えている。若い人が店を出しやすくしてほしい。", "空き店舗活用の出店補助を検討しています。", CitizenInputStatus.Considering, "M:5-2"),
            (CitizenChannel.TownMeeting, new(2025, 7, 26), "消防団に入る若い人が少ない。負担を減らす工夫を。", "活動の見直しと報酬改定を行いました。", CitizenInputStatus.Answered, "P:1-2-03"),
            (CitizenChannel.EvaluationForum, new(2025, 8, 23), "防犯カメラの設置場所は犯罪の多い場所に重点を置くべき。", "警察と協議し、認知件数の多い地区を優先して設置します。", CitizenInputStatus.Answered, "P:1-3-02"),
            (CitizenChannel.EvaluationForum, new(2025, 8, 23), "健康ポイント事業は参加者が固定化しており、効果を検証すべき。", null, CitizenInputStatus.Considering, "P:2-1-03"),
            (CitizenChannel.LetterToMayor, new(2025, 10, 2), "認知症の母を介護している。相談できる場所をもっと知らせてほしい。", "認知症カフェと相談窓口の一覧を広報に掲載しました。", CitizenInputStatus.Answered, "P:2-3-03"),
            (CitizenChannel.PublicComment, new(2025, 11, 15), "市民病院の救急の待ち時間が長い。", null, CitizenInputStatus.Received, "P:2-2-02"),
            (CitizenChannel.TownMeeting, new(2026, 5, 30), "放課後児童クラブに入れなかった。定員を増やしてほしい。", "令和8年度に2か所を新設しました。", CitizenInputStatus.Reflected, "P:3-1-02"),
            (CitizenChannel.TownMeeting, new(2026, 5, 30), "学校の体育館が夏は暑すぎて避難所として心配。", "空調設置を順次進めています。", CitizenInputStatus.Answered, "P:3-4-01"),
            (CitizenChannel.LetterToMayor, new(2026, 6, 18), "生活道路の舗装が傷んでいて自転車が危ない。", "現地を確認し、補修を行いました。", CitizenInputStatus.Answered, "M:6-2"),
            (CitizenChannel.Survey, new(2026, 3, 31), "自由記述：外国人の子どもへの日本語支援を充実してほしい。", null, CitizenInputStatus.Considering, "M:4-4"),
            (CitizenChannel.Other, new(2026, 8, 7), "公共施設の照明のLED化を早く進めてほしい。", "公共施設LED化事業で計画的に更新しています。", CitizenInputStatus.Answered, "P:1-4-03"),
            (CitizenChannel.TownMeeting, new(2026, 10, 24), "上水道の老朽化が心配。地震への備えを教えてほしい。", null, CitizenInputStatus.Received, "M:6-5"),
            (CitizenChannel.PublicComment, new(2026, 11, 5), "観光の情報発信をSNSでもっと行ってほしい。", null, CitizenInputStatus.Received, "M:5-4"),
        ];
        foreach (var (channel, on, summary, answer, status, links) in inputs)
        {
            // Answered letters to the mayor stay internal in the demo, as personal letters often do.
            var input = new CitizenInput { Channel = channel, ReceivedOn = on, Summary = summary, Answer = answer, Status = status,
                IsPublished = answer is not null && channel != CitizenChannel.LetterToMayor };
            foreach (var link in links.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var code = link[2..];
                if (link.StartsWith("M:", StringComparison.Ordinal)) input.Links.Add(new CitizenInputLink { Measure = measures[code] });
                else if (projects.TryGetValue(code, out var p)) input.Links.Add(new CitizenInputLink { Project = p });
            }
            db.CitizenInputs.Add(input);
        }
    }

    private void SeedSurvey(List<Measure> measures)
    {
        foreach (var m in measures.OrderBy(m => m.Code))
        {
            var satisfaction = 35 + random.Next(0, 35) + (decimal)random.NextDouble();
            var importance = 45 + random.Next(0, 40) + (decimal)random.NextDouble();
            // Safety and health are felt to matter most; culture and land use less.
            if (m.Code.StartsWith("1-", StringComparison.Ordinal) || m.Code.StartsWith("2-", StringComparison.Ordinal)) importance += 8;
            if (m.Code is "4-2" or "6-1") importance -= 12;
            db.SurveyResults.Add(new SurveyResult { Measure = m, FiscalYear = 2024, Satisfaction = Math.Round(satisfaction, 1), Importance = Math.Round(importance, 1) });
            var move = (decimal)(random.NextDouble() * 8 - 3);
            db.SurveyResults.Add(new SurveyResult { Measure = m, FiscalYear = 2025, Satisfaction = Math.Round(satisfaction + move, 1), Importance = Math.Round(importance + (decimal)(random.NextDouble() * 4 - 2), 1) });
        }
    }

    private async Task SeedGoalsAsync(Dictionary<string, OrgUnit> units, Dictionary<string, Measure> measures, Dictionary<string, Project> projects, CancellationToken ct)
    {
        var items = await db.ManifestoItems.ToDictionaryAsync(i => i.Number, ct);
        var year = 2026;
        (string Unit, string Title, string Reason, string Links, (string Name, string Unit, decimal Target, IndicatorDirection Direction)[] Indicators, GoalState State)[] goals =
        [
            ("道路課", "通学路の危険箇所を解消する", "点検で見つかった危険箇所のうち、対策が済んだのは半数にとどまる。", "P:1-3-04 M:6-2 I:3-3", [("対策済みの危険箇所", "箇所", 24, IndicatorDirection.HigherIsBetter)], GoalState.Agreed),
            ("道路課", "舗装の計画的な更新で道路の陥没・補修要望を減らす", "補修要望が年々増え、場当たり的な対応になっている。", "P:6-2-01 I:4-2", [("舗装更新延長", "km", 6.5m, IndicatorDirection.HigherIsBetter), ("補修要望件数", "件", 380, IndicatorDirection.LowerIsBetter)], GoalState.MidYearReviewed),
            ("環境対策課", "市域の温室効果ガス排出量の削減を加速する", "2030年度目標に対し、削減の進み具合が計画を下回っている。", "M:1-4 I:3-2", [("住宅用太陽光・蓄電池の補助件数", "件", 420, IndicatorDirection.HigherIsBetter)], GoalState.Submitted),
            ("環境対策課", "公共施設のLED化を完了する", "電気料金の高騰と脱炭素の両面から、照明の更新を急ぐ必要がある。", "P:1-4-03", [("LED化を終えた施設", "施設", 38, IndicatorDirection.HigherIsBetter)], GoalState.Draft),
            ("防災危機管理課", "自主防災組織の訓練実施率を高める", "訓練を行っていない区の多くは担い手不足を抱えている。", "M:1-1 I:3-1", [("訓練実施率", "%", 75, IndicatorDirection.HigherIsBetter)], GoalState.MidYearReviewed),
            ("健康推進課", "がん検診の受診率を50%に近づける", "受診率は県平均を下回っている。", "P:2-1-02 I:2-1", [("がん検診受診率", "%", 46, IndicatorDirection.HigherIsBetter)], GoalState.MidYearReviewed),
            ("こども政策課", "放課後児童クラブの待機をなくす", "共働き世帯の増加で、申込が定員を上回っている。", "P:3-1-02 I:1-5", [("放課後児童クラブの待機児童", "人", 0, IndicatorDirection.LowerIsBetter)], GoalState.Agreed),
            ("学校教育課", "不登校の児童生徒の学びの場を確保する", "不登校の児童生徒が5年で1.6倍に増えた。", "M:3-3", [("校内教育支援センターの設置校", "校", 12, IndicatorDirection.HigherIsBetter)], GoalState.ChangesRequested),
            ("交通政策課", "巡回バスの再編で利用者を増やす", "再編前の利用者は最盛期の7割に落ち込んでいた。", "M:6-3 I:4-1", [("年間利用者数", "万人", 68, IndicatorDirection.HigherIsBetter)], GoalState.Agreed),
            ("商工振興課", "駅前の空き店舗への出店を後押しする", "駅前の空き店舗率が15%を超えた。", "M:5-2 I:4-3", [("空き店舗への新規出店", "件", 8, IndicatorDirection.HigherIsBetter)], GoalState.Submitted),
            ("地域包括ケア推進課", "認知症の人と家族を地域で支える", "認知症高齢者は今後10年で1.3倍になる見込み。", "P:2-3-03 I:2-3", [("認知症カフェの設置数", "か所", 10, IndicatorDirection.HigherIsBetter)], GoalState.MidYearReviewed),
            ("シティプロモーション課", "小牧の魅力の発信で来訪者を増やす", "市外での小牧の認知度が低い。", "M:5-4 I:5-3", [("SNSフォロワー数", "人", 25000, IndicatorDirection.HigherIsBetter)], GoalState.Agreed),
        ];
        var order = new Dictionary<int, int>();
        foreach (var (unitName, title, reason, links, indicators, state) in goals)
        {
            var unit = units[unitName];
            order[unit.Id] = order.GetValueOrDefault(unit.Id) + 1;
            var head = unitName is "道路課" ? ("doro-kacho@komaki.example", "道路 一郎") : unitName is "環境対策課" ? ("kankyo-kacho@komaki.example", "環境 三恵") : ($"kacho-{unit.Code}@komaki.example", $"{unitName}長");
            var goal = new OrganizationalGoal { OrgUnitId = unit.Id, FiscalYear = year, Title = title, Reason = reason, State = state, SortOrder = order[unit.Id] };
            foreach (var link in links.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var code = link[2..];
                goal.Links.Add(link[0] switch
                {
                    'M' => new GoalLink { MeasureId = measures[code].Id },
                    'P' => new GoalLink { ProjectId = projects[code].Id },
                    _ => new GoalLink { ManifestoItemId = items[code].Id },
                });
            }
            var n = 0;
            foreach (var (name, u, target, direction) in indicators) goal.Indicators.Add(new GoalIndicator { Name = name, Unit = u, Target = target, Direction = direction, SortOrder = ++n });
            goal.Steps.Add(new GoalStep { Action = "現状の把握と対象の洗い出し", Schedule = "4月〜5月", SortOrder = 1 });
            goal.Steps.Add(new GoalStep { Action = "関係課・地域との調整と実施", Schedule = "6月〜12月", SortOrder = 2 });
            goal.Steps.Add(new GoalStep { Action = "実績の取りまとめと次年度への反映", Schedule = "1月〜3月", SortOrder = 3 });

            void Event(GoalAction action, (string, string) who, DateTime at, string? comment = null) =>
                goal.Events.Add(new GoalEvent { Action = action, UserName = who.Item1, DisplayName = who.Item2, At = at, Comment = comment });
            var top = ("shicho@komaki.example", "小牧 市長");
            Event(GoalAction.Created, head, new DateTime(2026, 3, 20, 1, 0, 0, DateTimeKind.Utc));
            if (state >= GoalState.Submitted) Event(GoalAction.Submitted, head, new DateTime(2026, 4, 10, 2, 0, 0, DateTimeKind.Utc));
            if (state == GoalState.ChangesRequested)
                Event(GoalAction.ChangesRequested, top, new DateTime(2026, 4, 24, 5, 0, 0, DateTimeKind.Utc), "設置校数だけでなく、支援を受けた児童生徒の数も指標に加えてください。");
            if (state >= GoalState.Agreed && state != GoalState.ChangesRequested)
                Event(GoalAction.Agreed, top, new DateTime(2026, 4, 24, 5, 0, 0, DateTimeKind.Utc), "マニフェストとの関係が明確。この目標で進めてください。");
            if (state >= GoalState.MidYearReviewed && state != GoalState.ChangesRequested)
            {
                goal.MidYearReview = "上半期は計画どおり進んだ。下半期に残る箇所の調整を急ぐ。";
                Event(GoalAction.MidYearReviewed, head, new DateTime(2026, 10, 9, 3, 0, 0, DateTimeKind.Utc));
            }
            db.OrganizationalGoals.Add(goal);
        }

        // Last year's goals went the whole way round.
        foreach (var unitName in new[] { "道路課", "環境対策課", "防災危機管理課" })
        {
            var unit = units[unitName];
            var goal = new OrganizationalGoal
            {
                OrgUnitId = unit.Id, FiscalYear = 2025, Title = $"{unitName}の重点事業を計画どおり実施する", Reason = "前年度の評価で遅れが指摘された。",
                State = GoalState.Confirmed, MidYearReview = "概ね計画どおり。", Grade = unitName == "道路課" ? GoalGrade.B : GoalGrade.A,
                GradeEvidence = "主要事業の年度末進捗と指標の実績による。", SortOrder = 1,
                Indicators = [new GoalIndicator { Name = "主要事業の完了率", Unit = "%", Target = 100, Actual = unitName == "道路課" ? 92 : 100, SortOrder = 1 }],
                Steps = [new GoalStep { Action = "進捗の月次確認", Schedule = "4月〜3月", SortOrder = 1 }],
            };
            goal.Events.Add(new GoalEvent { Action = GoalAction.Confirmed, UserName = "kikaku@komaki.example", DisplayName = "企画 花子", At = new DateTime(2026, 5, 20, 2, 0, 0, DateTimeKind.Utc) });
            db.OrganizationalGoals.Add(goal);
        }
        await db.SaveChangesAsync(ct);
    }
}
