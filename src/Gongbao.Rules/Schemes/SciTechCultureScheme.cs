using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Schemes;

/// <summary>
/// 北京经济技术开发区关于促进科技与文化产业融合发展的若干措施, 京技管发〔2024〕31号: the support amounts of
/// measures 1–12, 14 and 16–18 (二、支持政策), with their thresholds and caps, in 万元; several measures for
/// the same project are not stacked (附则第12项, 从优不重复).
/// </summary>
public sealed class SciTechCultureScheme : Scheme
{
    public override string Id => "sci-tech-culture";

    public override string Title => "经开区促进科技与文化产业融合发展若干措施";

    public override string DocumentId => "jingjiguanfa-2024-31";

    public override string DocumentNumber => "京技管发〔2024〕31号";

    public override string SourceFile => "2025-12.txt";

    public override string Decides => "support per measure (万元) with thresholds, caps and 从优不重复, and the total";

    public override InputSchema Inputs { get; } = new(
    [
        new InputField { Name = "sameProject", Label = "所申报措施针对同一项目(从优不重复)", Type = InputType.Boolean, Help = "不填视为否" },
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
            yield return new InputError("m17FixedAssets", "required when claiming 措施17: give m17FixedAssets or the rent fields", InputError.Required);
        }

        if (inputs.Has("m17RentArea") && (!inputs.Has("m17RentDays") || !inputs.Has("m17RentYear")))
        {
            yield return new InputError(inputs.Has("m17RentDays") ? "m17RentYear" : "m17RentDays", "required with m17RentArea", InputError.Required);
        }
    }

    protected override void Compute(Evaluation ev)
    {
        ev.Apply("eligibility");
        var inForce = ev.InForce();
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
            return ev.Meets(rd, "m2-min-rd", "研发投入") && ev.MeetsShare(rd, revenue, "m2-min-share", "研发投入占主营业务收入比重")
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
