using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Schemes;

/// <summary>
/// 北京经济技术开发区关于促进科技与文化产业融合发展的若干措施, 京技管发〔2024〕31号: the support amounts of
/// measures 1–12, 14 and 16–18 (二、支持政策), with their thresholds and caps, in 万元; several measures for
/// the same project are not stacked (附则第12项, 从优不重复).
/// </summary>
public sealed class SciTechCultureScheme : Scheme
{
    private const string Annex = "inst-1/div-3";

    public SciTechCultureScheme()
    {
        Param("m1-ratio", "措施1: 按广电总局项目经费比例(1:1)", 1, "倍", M(1), "按照项目经费 1:1 比例给予支持");
        Param("m1-cap", "措施1: 最高支持", 500, "万元", M(1), "最高支持 500 万元");
        Param("m2-min-rd", "措施2: 上年度研发投入", 500, "万元", M(2), "研发投入达 500 万元以上");
        Param("m2-min-share", "措施2: 研发投入占主营业务收入比重", 3, "%", M(2), "占主营业务收入比重达 3% 以上");
        Param("m2-rate", "措施2: 支持比例", 20, "%", M(2), "按照年度实际研发投入的 20% 给予支持");
        Param("m2-cap", "措施2: 每年最高支持", 500, "万元", M(2), "每年最高支持 500 万元");
        Param("m3-cap", "措施3: 人工智能行业大模型最高支持", 100, "万元", M(3), "给予最高 100 万元支持");
        Param("m4-international", "措施4: 国际标准", 100, "万元", M(4), "分别给予 100 万元、50 万元、30 万元、20 万元、10 万元一次性支持");
        Param("m4-national", "措施4: 国家标准", 50, "万元", M(4), "分别给予 100 万元、50 万元、30 万元、20 万元、10 万元一次性支持");
        Param("m4-industry", "措施4: 行业标准", 30, "万元", M(4), "分别给予 100 万元、50 万元、30 万元、20 万元、10 万元一次性支持");
        Param("m4-local", "措施4: 地方标准", 20, "万元", M(4), "分别给予 100 万元、50 万元、30 万元、20 万元、10 万元一次性支持");
        Param("m4-group", "措施4: 团体标准", 10, "万元", M(4), "分别给予 100 万元、50 万元、30 万元、20 万元、10 万元一次性支持");
        Param("m5-rate", "措施5: 超高清后期制作费用支持比例", 20, "%", M(5), "应用超高清视听技术产生费用的 20%给予一次性支持");
        Param("m5-cap", "措施5: 最高", 200, "万元", M(5), "最高 200 万元");
        Param("m6-revenue-1", "措施6: 年度营收第一档", 5, "亿元", M(6), "年度营收(含国内、国外市场)达 5 亿元人民币及以上的");
        Param("m6-revenue-2", "措施6: 年度营收第二档", 10, "亿元", M(6), "年度营收(含国内、国外市场)达 10 亿元人民币及以上");
        Param("m6-rate", "措施6: 游戏软件研发投入支持比例", 20, "%", M(6), "按照游戏软件研发投入的 20% 给予一次性支持");
        Param("m6-cap-1", "措施6: 第一档最高", 500, "万元", M(6), "最高 500 万元");
        Param("m6-cap-2", "措施6: 第二档最高", 1000, "万元", M(6), "最高 1000 万元");
        Param("m7-rate", "措施7: 算力结算费用支持比例", 30, "%", M(7), "按照实际使用算力结算费用的 30% 给予支持");
        Param("m7-cap", "措施7: 最高", 2000, "万元", M(7), "最高 2000 万元");
        Param("m8-tier-1", "措施8: 涉外收入第一档", 350, "万元", M(8), "分别达 350 万元人民币、1500 万元人民币、1亿元人民币及以上");
        Param("m8-tier-2", "措施8: 涉外收入第二档", 1500, "万元", M(8), "分别达 350 万元人民币、1500 万元人民币、1亿元人民币及以上");
        Param("m8-tier-3", "措施8: 涉外收入第三档", 1, "亿元", M(8), "分别达 350 万元人民币、1500 万元人民币、1亿元人民币及以上");
        Param("m8-rate-1", "措施8: 第一档比例上限", 1, "%", M(8), "按照不超过涉外收入金额的1%、3%、6%给予支持");
        Param("m8-rate-2", "措施8: 第二档比例上限", 3, "%", M(8), "按照不超过涉外收入金额的1%、3%、6%给予支持");
        Param("m8-rate-3", "措施8: 第三档比例上限", 6, "%", M(8), "按照不超过涉外收入金额的1%、3%、6%给予支持");
        Param("m9-min", "措施9: 数字虚拟影棚投入", 1000, "万元", M(9), "购买数字影视设备投入达1000万元以上的");
        Param("m9-rate", "措施9: 投资额支持比例", 10, "%", M(9), "择优按照投资额的10%给予一次性支持");
        Param("m9-cap", "措施9: 最高", 1000, "万元", M(9), "最高支持1000万元");
        Param("m10-amount", "措施10: 首升规且正增长", 30, "万元", M(10), "给予一次性30万元支持");
        Param("m11-rate", "措施11: 电竞俱乐部运营费用支持比例", 50, "%", M(11), "空间改造等运营费用的50%给予支");
        Param("m11-cap", "措施11: 每年最高", 200, "万元", M(11), "每年最高支持200万元");
        Param("m12-home", "措施12: 联盟俱乐部主场落户", 500, "万元", M(12), "给予 500 万元一次性支持");
        Param("m12-international", "措施12: 国际职业电竞赛事季军及以上", 300, "万元", M(12), "给予 300 万元一次性支持");
        Param("m12-national", "措施12: 全国职业电竞赛事季军及以上", 100, "万元", M(12), "给予 100 万元一次性支持");
        Param("m14-rate", "措施14: 示范性项目投资额支持比例", 30, "%", M(14), "按照项目投资额 30% 给予一次性支持");
        Param("m14-cap", "措施14: 最高", 100, "万元", M(14), "最高 100 万元");
        Param("m16-national", "措施16: 国家级(部级)重点实验室等", 500, "万元", M(16), "给予 500 万元一次性支持");
        Param("m16-municipal", "措施16: 北京市级重点实验室等", 100, "万元", M(16), "给予 100 万元一次性支持");
        Param("m17-asset-rate", "措施17: 固定资产投资支持比例", 20, "%", M(17), "按照平台固定资产投资额 20% 给予一次性支持");
        Param("m17-asset-cap", "措施17: 固定资产投资支持最高", 2000, "万元", M(17), "最高 2000 万元");
        Param("m17-rent", "措施17: 办公用房租金补贴标准", 1.5m, "元/天/平方米", M(17), "按照 1.5 元/天/平方米的标准");
        Param("m17-rent-cap", "措施17: 租金补贴每年最高", 300, "万元", M(17), "每年最高 300 万元");
        Param("m17-rent-years", "措施17: 租金补贴限期", 3, "年", M(17), "限期 3 年");
        Param("m18-activity-rate", "措施18: 活动场地等费用支持比例", 50, "%", M(18), "设备租赁费用的 50%");
        Param("m18-activity-cap-international", "措施18: 国际活动最高", 100, "万元", M(18), "国际活动最高支持 100 万元");
        Param("m18-activity-cap-domestic", "措施18: 国内活动最高", 50, "万元", M(18), "国内活动最高支持 50 万元");
        Param("m18-esports-rate", "措施18: 电竞赛事费用支持比例", 30, "%", M(18), "设备租赁费用的 30% 给予支持");
        Param("m18-esports-cap-international", "措施18: 国际电竞赛事每年最高", 500, "万元", M(18), "国际电竞赛事活动每年最高支持 500 万元");
        Param("m18-esports-cap-national", "措施18: 全国性电竞赛事每年最高", 200, "万元", M(18), "全国性电竞赛事活动每年最高支持 200 万元");

        Rule("m1-total-limit", "国家、市、区三级支持经费总额不超过企业自筹经费金额", M(1), "国家、市、区三级支持经费总额不超过企业自筹经费金额");
        Rule("m5-award", "获得国家、北京市级奖项的视听作品项目", M(5), "对于获得国家、北京市级奖项的视听作品项目");
        Rule("m12-once", "每年度单个俱乐部可获得国际、全国电竞赛事参赛支持各一次", M(12), "每年度单个俱乐部可获得国际、全国电竞赛事参赛支持各一次");
        Rule("best-only", "同一企业的同一项目同时符合本政策不同条款: 从优不重复", Annex + "/sub-12", "按照“从优不重复”原则予以支持");
        Rule("eligibility", "在亦庄新城范围内合法经营, 近3年无重大行政处罚公示信息和刑事犯罪记录", Annex + "/sub-2", "本措施申报主体应在亦庄新城范围内合法经营，近3年无重大行政处罚公示信息和刑事犯罪记录");
        Rule("validity", "政策事项有效期至2027年12月31日", Annex + "/sub-1", "政策事项有效期至 2027 年 12 月 31 日");

        Interpret("Measures 13, 15, 19 and 20 grant services or recommendations, not amounts, and are not computed.", M(13), "提供“一站式”入驻服务");
        Interpret("Measure 1: the district amount is the project funding × 1 capped at 500万元, then reduced so that national (the project funding) + city + district support does not exceed the enterprise's own funds.", M(1), "国家、市、区三级支持经费总额不超过企业自筹经费金额");
        Interpret("Measure 8 prints ceilings (不超过 1%/3%/6%); the result is the ceiling for the highest tier reached (350万元, 1500万元, 1亿元 — each 及以上).", M(8), "按照不超过涉外收入金额的1%、3%、6%给予支持");
        Interpret("Measure 6: the higher tier applies when revenue reaches 10亿元 or the game was selected for an international or national multi-sport event.", M(6), "或入选国际、全国性综合体育赛事的");
        Interpret("Measure 17 rent subsidy: 1.5元 per day per m² × area × days, capped at 300万元 a year, for the first 3 years only (year 4 onwards gets none).", M(17), "限期 3 年");
        Interpret("When the measures claimed concern the same project (sameProject), only the highest single amount is granted (附则第12项, 从优不重复); otherwise the amounts add up.", Annex + "/sub-12", "按照“从优不重复”原则予以支持");
        Interpret("Amounts compared with thresholds printed in 亿元 are converted (1亿元 = 10000万元); inputs are in 万元, the rent subsidy is converted from 元.", M(6), "达 5 亿元人民币及以上的");
    }

    public override string Id => "sci-tech-culture";

    public override string Title => "经开区促进科技与文化产业融合发展若干措施";

    public override string DocumentId => "jingjiguanfa-2024-31";

    public override string DocumentNumber => "京技管发〔2024〕31号";

    public override string SourceFile => "2025-12.txt";

    public override string Decides => "support per measure (万元) with thresholds, caps and 从优不重复, and the total";

    public override InputSchema Inputs { get; } = new(
    [
        new InputField { Name = "sameProject", Label = "所申报措施针对同一项目(从优不重复)", Type = InputType.Boolean, Help = "absent: false" },
        Num("m1ProjectFunding", "措施1: 广电总局科技计划项目经费", "措施1", true),
        Num("m1SelfRaised", "措施1: 企业自筹经费", "措施1", true),
        Num("m1CitySupport", "措施1: 已获市级支持经费", "措施1", false),
        Num("m2RdSpend", "措施2: 上年度游戏电竞软硬件研发投入", "措施2", true),
        Num("m2MainRevenue", "措施2: 主营业务收入", "措施2", true),
        new InputField { Name = "m3Model", Label = "措施3: 自主研发并公开发布的人工智能行业大模型", Type = InputType.Boolean, Group = "措施3", Required = true },
        new InputField
        {
            Name = "m4Standard", Label = "措施4: 牵头制定并发布的标准", Type = InputType.Choice, Group = "措施4", Required = true,
            Options = [new("international", "国际标准"), new("national", "国家标准"), new("industry", "行业标准"), new("local", "地方标准"), new("group", "团体标准")],
        },
        Num("m5PostProductionCost", "措施5: 应用超高清视听技术的后期制作费用", "措施5", true),
        new InputField { Name = "m5Award", Label = "措施5: 获得国家、北京市级奖项", Type = InputType.Boolean, Group = "措施5", Required = true },
        Num("m6Revenue", "措施6: 游戏年度营收(含国内、国外市场)", "措施6", true),
        Num("m6RdSpend", "措施6: 游戏软件研发投入", "措施6", true),
        new InputField { Name = "m6SelectedForEvent", Label = "措施6: 入选国际、全国性综合体育赛事", Type = InputType.Boolean, Group = "措施6" },
        Num("m7ComputeCost", "措施7: 实际使用算力结算费用", "措施7", true),
        Num("m8ForeignRevenue", "措施8: 年度涉外收入", "措施8", true),
        Num("m9Investment", "措施9: 数字虚拟影棚及设备投资额", "措施9", true),
        new InputField { Name = "m10FirstUpgrade", Label = "措施10: 实现“首升规”且正增长的文体娱行业企业", Type = InputType.Boolean, Group = "措施10", Required = true },
        Num("m11OperatingCost", "措施11: 俱乐部当年度在亦庄新城实际支出的运营费用", "措施11", true),
        new InputField
        {
            Name = "m12Achievements", Label = "措施12: 主场落户或参赛成绩", Type = InputType.ChoiceSet, Group = "措施12", Required = true,
            Options = [new("home", "联盟俱乐部主场落户"), new("international", "国际职业电竞赛事季军及以上"), new("national", "全国职业电竞赛事季军及以上")],
        },
        Num("m14Investment", "措施14: 国家、北京市级示范性项目投资额", "措施14", true),
        new InputField
        {
            Name = "m16Lab", Label = "措施16: 新获批或新引进的资质", Type = InputType.Choice, Group = "措施16", Required = true,
            Options = [new("national", "国家级(部级)重点实验室等"), new("municipal", "北京市级重点实验室等")],
        },
        Num("m17FixedAssets", "措施17: 平台固定资产投资额", "措施17", false),
        new InputField { Name = "m17RentArea", Label = "措施17: 办公用房面积", Type = InputType.Number, Min = 0, Max = 1e7m, Unit = "平方米", Group = "措施17" },
        new InputField { Name = "m17RentDays", Label = "措施17: 年度租用天数", Type = InputType.Integer, Min = 0, Max = 366, Unit = "天", Group = "措施17" },
        new InputField { Name = "m17RentYear", Label = "措施17: 享受租金补贴的第几年", Type = InputType.Integer, Min = 1, Max = 50, Group = "措施17" },
        new InputField
        {
            Name = "m18Kind", Label = "措施18: 活动或赛事类型", Type = InputType.Choice, Group = "措施18", Required = true,
            Options = [new("international-activity", "国际论坛、峰会、展会"), new("domestic-activity", "国内论坛、峰会、展会"), new("international-esports", "国际职业电竞赛事"), new("national-esports", "全国性职业电竞赛事")],
        },
        Num("m18Cost", "措施18: 承办方实际支出的相关费用", "措施18", true),
    ], requireOneGroup: true);

    protected override IEnumerable<InputError> Check(ValidatedInputs inputs)
    {
        if (inputs.Claims("措施17") && !inputs.Has("m17FixedAssets") && !inputs.Has("m17RentArea"))
        {
            yield return new InputError("m17FixedAssets", "required when claiming 措施17: give m17FixedAssets or the rent fields");
        }

        if (inputs.Has("m17RentArea") && (!inputs.Has("m17RentDays") || !inputs.Has("m17RentYear")))
        {
            yield return new InputError(inputs.Has("m17RentDays") ? "m17RentYear" : "m17RentDays", "required with m17RentArea");
        }
    }

    protected override void Compute(Evaluation ev)
    {
        ev.Apply("eligibility");
        var inForce = ev.AsOf <= new DateOnly(2027, 12, 31);
        ev.Apply("validity", inForce ? "在有效期内" : "已过有效期");
        var amounts = new List<(string Name, decimal Amount)>();
        void Measure(int n, string title, Func<decimal> compute)
        {
            if (!ev.In.Claims($"措施{n}"))
            {
                return;
            }

            using var s = ev.Open($"措施{n} {title}");
            var amount = Math.Round(compute(), 2, MidpointRounding.AwayFromZero);
            s.Result(amount);
            amounts.Add(($"措施{n}", amount));
        }

        Measure(1, "支持高新视听领域关键技术研发和产品应用", () =>
        {
            var funding = ev.Number("m1ProjectFunding");
            var amount = ev.Cap(funding * ev.P("m1-ratio"), "m1-cap", "1:1, 最高500万元");
            ev.Apply("m1-total-limit");
            var room = ev.Number("m1SelfRaised") - funding - ev.Number("m1CitySupport", 0);
            ev.Step("自筹经费 − 国家经费 − 市级经费", room, "万元");
            return Math.Max(0, Math.Min(amount, room));
        });
        Measure(2, "支持游戏电竞领域核心软硬件研发", () =>
        {
            var rd = ev.Number("m2RdSpend");
            var revenue = ev.Number("m2MainRevenue");
            var share = revenue == 0 ? 0 : Math.Round(rd / revenue * 100, 4);
            ev.Step("研发投入占主营业务收入比重", share, "%");
            return ev.Meets(rd, "m2-min-rd", "研发投入") && ev.Meets(share, "m2-min-share", "占比")
                ? ev.Cap(ev.Percent(rd, "m2-rate", "支持"), "m2-cap", "每年上限")
                : 0;
        });
        Measure(3, "支持人工智能技术赋能产业发展", () => ev.Flag("m3Model") ? ev.P("m3-cap") : 0);
        Measure(4, "支持标准制定", () => ev.P("m4-" + ev.Choice("m4Standard")));
        Measure(5, "支持精品视听作品创作", () =>
        {
            var awarded = ev.Flag("m5Award");
            ev.Apply("m5-award", awarded ? "满足" : "不满足");
            return awarded ? ev.Cap(ev.Percent(ev.Number("m5PostProductionCost"), "m5-rate", "支持"), "m5-cap", "上限") : 0;
        });
        Measure(6, "支持精品游戏作品创作", () =>
        {
            var revenue = ev.Number("m6Revenue");
            var high = ev.Meets(revenue, "m6-revenue-2", "营收达10亿元", 10000) || ev.Flag("m6SelectedForEvent");
            if (!high && !ev.Meets(revenue, "m6-revenue-1", "营收达5亿元", 10000))
            {
                return 0;
            }

            return ev.Cap(ev.Percent(ev.Number("m6RdSpend"), "m6-rate", "支持"), high ? "m6-cap-2" : "m6-cap-1", "上限");
        });
        Measure(7, "支持人工智能技术赋能数字内容生产", () => ev.Cap(ev.Percent(ev.Number("m7ComputeCost"), "m7-rate", "支持"), "m7-cap", "上限"));
        Measure(8, "支持发展数字文化贸易", () =>
        {
            var foreign = ev.Number("m8ForeignRevenue");
            var tier = ev.Meets(foreign, "m8-tier-3", "第三档", 10000) ? 3
                : ev.Meets(foreign, "m8-tier-2", "第二档") ? 2
                : ev.Meets(foreign, "m8-tier-1", "第一档") ? 1 : 0;
            return tier == 0 ? 0 : ev.Percent(foreign, $"m8-rate-{tier}", "最高可获支持");
        });
        Measure(9, "支持建设数字虚拟影棚", () =>
        {
            var investment = ev.Number("m9Investment");
            return ev.Meets(investment, "m9-min", "投入")
                ? ev.Cap(ev.Percent(investment, "m9-rate", "支持"), "m9-cap", "上限")
                : 0;
        });
        Measure(10, "支持科文融合企业高质量发展", () => ev.Flag("m10FirstUpgrade") ? ev.P("m10-amount") : 0);
        Measure(11, "支持职业电竞俱乐部运营发展", () => ev.Cap(ev.Percent(ev.Number("m11OperatingCost"), "m11-rate", "支持"), "m11-cap", "每年上限"));
        Measure(12, "职业电竞俱乐部落地及参赛支持", () =>
        {
            ev.Apply("m12-once");
            return ev.Set("m12Achievements").Sum(a => ev.P("m12-" + a));
        });
        Measure(14, "支持培育数字文化新业态", () => ev.Cap(ev.Percent(ev.Number("m14Investment"), "m14-rate", "支持"), "m14-cap", "上限"));
        Measure(16, "培育和引进高水平科研力量", () => ev.P("m16-" + ev.Choice("m16Lab")));
        Measure(17, "支持专业化平台建设", () =>
        {
            decimal total = 0;
            if (ev.In.Has("m17FixedAssets"))
            {
                total += ev.Cap(ev.Percent(ev.Number("m17FixedAssets"), "m17-asset-rate", "固定资产投资支持"), "m17-asset-cap", "上限");
            }

            if (ev.In.Has("m17RentArea"))
            {
                var withinYears = ev.Number("m17RentYear") <= ev.P("m17-rent-years");
                ev.Step("在限期3年内", withinYears);
                if (withinYears)
                {
                    var yuan = ev.P("m17-rent") * ev.Number("m17RentArea") * ev.Number("m17RentDays");
                    ev.Step("租金补贴 = 1.5元 × 面积 × 天数", yuan, "元");
                    total += ev.Cap(yuan / 10000m, "m17-rent-cap", "每年上限(万元)");
                }
            }

            return total;
        });
        Measure(18, "支持举办品牌活动和职业电竞赛事", () =>
        {
            var kind = ev.Choice("m18Kind");
            var cost = ev.Number("m18Cost");
            return kind switch
            {
                "international-activity" => ev.Cap(ev.Percent(cost, "m18-activity-rate", "支持"), "m18-activity-cap-international", "上限"),
                "domestic-activity" => ev.Cap(ev.Percent(cost, "m18-activity-rate", "支持"), "m18-activity-cap-domestic", "上限"),
                "international-esports" => ev.Cap(ev.Percent(cost, "m18-esports-rate", "支持"), "m18-esports-cap-international", "每年上限"),
                _ => ev.Cap(ev.Percent(cost, "m18-esports-rate", "支持"), "m18-esports-cap-national", "每年上限"),
            };
        });

        decimal total;
        if (ev.Flag("sameProject") && amounts.Count > 1)
        {
            var best = ev.BestOf("best-only", amounts);
            total = best.Amount;
        }
        else
        {
            total = amounts.Sum(a => a.Amount);
        }

        ev.Step("合计", total, "万元");
        ev.Output("byMeasure", amounts.Select(a => KeyValuePair.Create(a.Name, (object?)a.Amount)).ToList());
        ev.Output("total", total);
        ev.Output("unit", "万元");
        ev.Output("inForce", inForce);
    }

    private static string M(int measure)
    {
        var (item, sub) = measure switch
        {
            <= 4 => (1, measure),
            <= 9 => (2, measure - 4),
            <= 13 => (3, measure - 9),
            <= 15 => (4, measure - 13),
            _ => (5, measure - 15),
        };
        return $"inst-1/div-2/item-{item}/sub-{sub}/para-1";
    }

    private static InputField Num(string name, string label, string group, bool required) => new()
    {
        Name = name,
        Label = label,
        Type = InputType.Number,
        Min = 0,
        Max = 1e10m,
        Unit = "万元",
        Group = group,
        Required = required,
    };
}
