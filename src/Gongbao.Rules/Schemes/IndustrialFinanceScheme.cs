using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Schemes;

/// <summary>
/// 北京经济技术开发区关于加快推动产业金融高质量发展的若干措施, 京技管发〔2024〕33号: the support amounts of
/// 第二条 (科技保险), 第三条 (供应链金融), 第四条 (小微贴息), 第八条 (持牌法人机构), 第九条 (分支机构),
/// 第十条 (地方金融组织), 第十一条 (私募), 第十二条 (QFLP), 第十三条 (业务规模), 第十四条 (业务增速),
/// 第十五条 (投早投小), 第十六条 (并购贴息), with caps and the 就高不重复 rules. All amounts in 万元,
/// rounded to two decimals (附则第1项).
/// </summary>
public sealed class IndustrialFinanceScheme : Scheme
{
    // 三、附则 is cited at instrument level: the parser currently nests it under 第二十条 (art-20/div-1),
    // which is not where it belongs; the instrument ID stays valid whichever way that is fixed.

    public override string Id => "industrial-finance";

    public override string Title => "经开区加快推动产业金融高质量发展若干措施";

    public override string DocumentId => "jingjiguanfa-2024-33";

    public override string DocumentNumber => "京技管发〔2024〕33号";

    public override string SourceFile => "2025-12.txt";

    public override string Decides => "support per article (万元) with caps and 就高不重复, and the total";

    public override InputSchema Inputs { get; } = new(
    [
        new InputField { Name = "a2Premium", Label = "第二条: 当年实际科技保险保费支出", Type = InputType.Number, Min = 0, Max = 1e8m, Unit = "万元", Group = "第二条", Required = true },
        new InputField { Name = "a2Giant", Label = "第二条: 国家级专精特新“小巨人”", Type = InputType.Boolean, Group = "第二条" },
        new InputField { Name = "a3ContractAmount", Label = "第三条: 当年业务合同金额", Type = InputType.Number, Min = 0, Max = 1e10m, Unit = "万元", Group = "第三条", Required = true },
        new InputField { Name = "a3Financing", Label = "第三条: 当年为企业提供融资总额", Type = InputType.Number, Min = 0, Max = 1e10m, Unit = "万元", Group = "第三条", Required = true },
        new InputField { Name = "a4Interest", Label = "第四条: 当年实际支付利息", Type = InputType.Number, Min = 0, Max = 1e8m, Unit = "万元", Group = "第四条", Required = true },
        new InputField
        {
            Name = "a4Category", Label = "第四条: 企业类别", Type = InputType.Choice, Group = "第四条", Required = true,
            Options = [new("small-micro", "小微企业"), new("beijing-specialised", "北京市“专精特新”"), new("giant", "国家级专精特新“小巨人”")],
        },
        new InputField { Name = "a4FirstLoanSupport", Label = "第四条: 获得北京市首贷贴息的市级支持金额", Type = InputType.Number, Min = 0, Max = 1e6m, Unit = "万元", Group = "第四条" },
        new InputField { Name = "a8PaidInCapital", Label = "第八条: 新设持牌法人金融机构实收资本", Type = InputType.Number, Min = 0, Max = 1e10m, Unit = "万元", Group = "第八条" },
        new InputField { Name = "a8CapitalIncrease", Label = "第八条: 持牌法人金融机构本次增资额", Type = InputType.Number, Min = 0, Max = 1e10m, Unit = "万元", Group = "第八条" },
        new InputField
        {
            Name = "a9Branch", Label = "第九条: 新设分支机构类型", Type = InputType.Choice, Group = "第九条", Required = true,
            Options = [new("tier1", "银行一级分行或证券、保险一级分支机构"), new("tier2", "新升格的银行二级分行")],
        },
        new InputField { Name = "a10PaidInCapital", Label = "第十条: 新设地方金融组织实收资本", Type = InputType.Number, Min = 0, Max = 1e10m, Unit = "万元", Group = "第十条" },
        new InputField { Name = "a10CapitalIncrease", Label = "第十条: 本次增资额", Type = InputType.Number, Min = 0, Max = 1e10m, Unit = "万元", Group = "第十条" },
        new InputField { Name = "a11ManagerCapital", Label = "第十一条: 基金管理人实缴资本", Type = InputType.Number, Min = 0, Max = 1e10m, Unit = "万元", Group = "第十一条" },
        new InputField { Name = "a11FundsPaidIn", Label = "第十一条: 所管理基金实缴规模合计", Type = InputType.Number, Min = 0, Max = 1e10m, Unit = "万元", Group = "第十一条", Required = true },
        new InputField { Name = "a11PublicCapital", Label = "第十一条: 其中政府引导基金、财政资金或国有资本出资", Type = InputType.Number, Min = 0, Max = 1e10m, Unit = "万元", Group = "第十一条" },
        new InputField { Name = "a11CapitalIncrease", Label = "第十一条: 已设立基金管理人实缴增资额", Type = InputType.Number, Min = 0, Max = 1e10m, Unit = "万元", Group = "第十一条" },
        new InputField { Name = "a12NewManager", Label = "第十二条: 新获QFLP试点资格的基金管理公司", Type = InputType.Boolean, Group = "第十二条" },
        new InputField { Name = "a12FundPaidInUsd", Label = "第十二条: QFLP基金产品实缴规模(剔除公共出资后)", Type = InputType.Number, Min = 0, Max = 1e9m, Unit = "万美元", Group = "第十二条" },
        new InputField
        {
            Name = "a13Type", Label = "第十三条: 法人机构类型", Type = InputType.Choice, Group = "第十三条", Required = true,
            Options = [new("bank", "银行业(统计代码66)"), new("securities", "证券业(统计代码67)"), new("insurance", "保险业(统计代码68)")],
        },
        new InputField { Name = "a13Revenue", Label = "第十三条: 落户当年营业收入", Type = InputType.Number, Min = 0, Max = 1e10m, Unit = "万元", Group = "第十三条", Required = true },
        new InputField { Name = "a13Volume", Label = "第十三条: 证券交易额或保费收入规模(证券业、保险业)", Type = InputType.Number, Min = 0, Max = 1e12m, Unit = "万元", Group = "第十三条" },
        new InputField { Name = "a13Growth", Label = "第十三条: 正增长", Type = InputType.Boolean, Group = "第十三条", Required = true },
        new InputField { Name = "a14Revenue", Label = "第十四条: 全年营业收入", Type = InputType.Number, Min = 0, Max = 1e10m, Unit = "万元", Group = "第十四条", Required = true },
        new InputField { Name = "a14PreviousRevenue", Label = "第十四条: 上年营业收入", Type = InputType.Number, Min = 0.01m, Max = 1e10m, Unit = "万元", Group = "第十四条", Required = true },
        new InputField { Name = "a15Investments", Label = "第十五条: 各首次投资项目实际投资金额(剔除公共出资, 满2年)", Type = InputType.Number, Min = 0, Max = 1e10m, Unit = "万元", Group = "第十五条", Required = true, Help = "已满2年的首次投资合计" },
        new InputField { Name = "a15Projects", Label = "第十五条: 项目数", Type = InputType.Integer, Min = 1, Max = 10000, Group = "第十五条", Required = true },
        new InputField { Name = "a16Investment", Label = "第十六条: 并购投资额", Type = InputType.Number, Min = 0, Max = 1e10m, Unit = "万元", Group = "第十六条", Required = true },
        new InputField { Name = "a16Interest", Label = "第十六条: 并购贷款实际支付利息", Type = InputType.Number, Min = 0, Max = 1e8m, Unit = "万元", Group = "第十六条", Required = true },
    ], requireOneGroup: true);

    protected override IEnumerable<InputError> Check(ValidatedInputs inputs)
    {
        if (inputs.Claims("第八条") && !inputs.Has("a8PaidInCapital") && !inputs.Has("a8CapitalIncrease"))
        {
            yield return new InputError("a8PaidInCapital", "required when claiming 第八条: give a8PaidInCapital or a8CapitalIncrease", InputError.Required);
        }

        if (inputs.Claims("第十条") && !inputs.Has("a10PaidInCapital") && !inputs.Has("a10CapitalIncrease"))
        {
            yield return new InputError("a10PaidInCapital", "required when claiming 第十条: give a10PaidInCapital or a10CapitalIncrease", InputError.Required);
        }

        if (inputs.Claims("第十一条") && !inputs.Has("a11ManagerCapital") && !inputs.Has("a11CapitalIncrease"))
        {
            yield return new InputError("a11ManagerCapital", "required when claiming 第十一条: give a11ManagerCapital or a11CapitalIncrease", InputError.Required);
        }

        if (inputs.Claims("第十二条") && !inputs.Flag("a12NewManager") && !inputs.Has("a12FundPaidInUsd"))
        {
            yield return new InputError("a12FundPaidInUsd", "required when claiming 第十二条: give a12NewManager or a12FundPaidInUsd", InputError.Required);
        }

        if (inputs.Has("a13Type") && inputs.Choice("a13Type") != "bank" && !inputs.Has("a13Volume"))
        {
            yield return new InputError("a13Volume", "required for securities and insurance institutions (第十三条)", InputError.Required);
        }

        if (inputs.Claims("第十五条") && inputs.Has("a15Investments") && inputs.Has("a15Projects") && inputs.Number("a15Projects") <= 0)
        {
            yield return new InputError("a15Projects", "must be at least 1", InputError.OutOfRange);
        }
    }

    protected override void Compute(Evaluation ev)
    {
        var amounts = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Record(string article, decimal amount, Evaluation.Scope scope)
        {
            var rounded = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
            amounts[article] = rounded;
            scope.Result(rounded);
        }

        ev.Apply("eligibility");
        if (ev.In.Claims("第二条"))
        {
            using var s = ev.Open("第二条 支持发展科技保险");
            var premium = ev.Number("a2Premium");
            decimal amount = 0;
            if (ev.Meets(premium, "a2-threshold", "保费支出"))
            {
                amount = ev.Cap(ev.Percent(premium, ev.Flag("a2Giant") ? "a2-rate-giant" : "a2-rate", "补贴"), "a2-cap", "年度上限");
            }

            Record("第二条", amount, s);
        }

        if (ev.In.Claims("第三条"))
        {
            using var s = ev.Open("第三条 支持发展供应链金融");
            decimal amount = 0;
            if (ev.Meets(ev.Number("a3ContractAmount"), "a3-threshold", "合同金额(万元, 1亿元 = 10000万元)", 10000))
            {
                amount = ev.Cap(ev.Percent(ev.Number("a3Financing"), "a3-rate", "奖励"), "a3-cap", "每户每年上限");
            }

            Record("第三条", amount, s);
        }

        if (ev.In.Claims("第四条"))
        {
            using var s = ev.Open("第四条 推动小微企业融资环境改善");
            var category = ev.Choice("a4Category");
            var interest = ev.Cap(ev.Percent(ev.Number("a4Interest"), "a4-rate", "贴息"), category switch
            {
                "giant" => "a4-cap-giant",
                "beijing-specialised" => "a4-cap-specialised",
                _ => "a4-cap",
            }, "单户上限");
            var candidates = new List<(string, decimal)> { ("贴息支持", interest) };
            if (ev.In.Has("a4FirstLoanSupport"))
            {
                var match = ev.Cap(ev.Number("a4FirstLoanSupport") * ev.P("a4-first-loan-ratio"), "a4-first-loan-cap", "首贷贴息配套");
                candidates.Add(("首贷贴息配套", match));
            }

            Record("第四条", ev.BestOf("a4-no-stacking", candidates).Amount, s);
        }

        if (ev.In.Claims("第八条"))
        {
            using var s = ev.Open("第八条 支持持牌法人金融机构落户");
            decimal amount = 0;
            if (ev.In.Has("a8PaidInCapital"))
            {
                var capital = ev.Number("a8PaidInCapital");
                if (ev.Bracket("a8-settlement", capital, "实收资本档次", 10000) is { } bracket)
                {
                    var variable = capital * bracket.Rate / 100m;
                    ev.Step($"实收资本 × 比例 = {TraceStep.Format(capital)} × {TraceStep.Format(bracket.Rate)}%", variable, "万元");
                    amount += ev.Cap(bracket.Amount + variable, "a8-cap", "落户补助上限");
                }
            }

            if (ev.In.Has("a8CapitalIncrease") && ev.Meets(ev.Number("a8CapitalIncrease"), "a8-increase-min", "增资额", 10000))
            {
                amount += ev.Cap(ev.Percent(ev.In.Number("a8CapitalIncrease"), "a8-increase-rate", "增资补助"), "a8-increase-cap", "每次上限");
            }

            Record("第八条", amount, s);
        }

        if (ev.In.Claims("第九条"))
        {
            using var s = ev.Open("第九条 支持金融分支机构提档升级");
            Record("第九条", ev.Choice("a9Branch") == "tier1" ? ev.P("a9-tier1") : ev.P("a9-tier2"), s);
        }

        if (ev.In.Claims("第十条"))
        {
            using var s = ev.Open("第十条 支持地方金融组织落户");
            decimal amount = 0;
            if (ev.In.Has("a10PaidInCapital") && ev.Meets(ev.Number("a10PaidInCapital"), "a10-min", "实收资本", 10000))
            {
                amount += ev.Cap(ev.Percent(ev.In.Number("a10PaidInCapital"), "a10-rate", "落户奖励"), "a10-cap", "上限");
            }

            if (ev.In.Has("a10CapitalIncrease") && ev.Meets(ev.Number("a10CapitalIncrease"), "a10-increase-min", "增资额", 10000))
            {
                amount += ev.Cap(ev.Percent(ev.In.Number("a10CapitalIncrease"), "a10-increase-rate", "增资奖励"), "a10-increase-cap", "每次上限");
            }

            Record("第十条", amount, s);
        }

        if (ev.In.Claims("第十一条"))
        {
            using var s = ev.Open("第十一条 支持私募投资机构落户");
            decimal amount = 0;
            var publicCapital = ev.Number("a11PublicCapital", 0);
            if (publicCapital > 0)
            {
                ev.Apply("exclude-public-capital");
            }

            var funds = ev.Number("a11FundsPaidIn");
            if (ev.In.Has("a11ManagerCapital") && ev.Meets(funds, "a11-fund-min", "所管理基金实缴规模", 10000))
            {
                var capital = Math.Max(0, ev.Number("a11ManagerCapital") - publicCapital);
                ev.Step("计奖实缴资本(剔除公共出资)", capital, "万元");
                var tier = ev.Meets(capital, "a11-t3-min", "第三档", 10000) ? "t3"
                    : ev.Meets(capital, "a11-t2-min", "第二档") ? "t2"
                    : ev.Meets(capital, "a11-t1-min", "第一档") ? "t1" : null;
                if (tier is not null)
                {
                    amount += ev.Cap(ev.Percent(capital, $"a11-{tier}-rate", "奖励"), $"a11-{tier}-cap", "上限");
                }
            }

            if (ev.In.Has("a11CapitalIncrease") && ev.Meets(ev.Number("a11CapitalIncrease"), "a11-increase-min", "实缴增资额"))
            {
                amount += ev.Cap(ev.Percent(ev.In.Number("a11CapitalIncrease"), "a11-increase-rate", "增资奖励"), "a11-increase-cap", "上限");
            }

            Record("第十一条", amount, s);
        }

        if (ev.In.Claims("第十二条"))
        {
            using var s = ev.Open("第十二条 支持合格境外有限合伙人(QFLP)落户");
            decimal amount = 0;
            if (ev.Flag("a12NewManager"))
            {
                amount += ev.P("a12-manager");
            }

            if (ev.In.Has("a12FundPaidInUsd"))
            {
                var usd = ev.Number("a12FundPaidInUsd");
                amount += ev.Meets(usd, "a12-t3-min", "第三档", 10000) ? ev.P("a12-t3")
                    : ev.Meets(usd, "a12-t2-min", "第二档") ? ev.P("a12-t2")
                    : ev.Meets(usd, "a12-t1-min", "第一档") ? ev.P("a12-t1") : 0;
            }

            Record("第十二条", amount, s);
        }

        if (ev.In.Claims("第十三条"))
        {
            using var s = ev.Open("第十三条 支持持牌法人金融机构扩大业务规模");
            var type = ev.Choice("a13Type");
            var revenue = ev.Number("a13Revenue");
            var growth = ev.Flag("a13Growth");
            var measure = type == "bank" ? revenue : ev.Number("a13Volume");
            decimal amount = 0;
            if (ev.Meets(measure, $"a13-{type}-min", type == "bank" ? "营业收入" : type == "securities" ? "证券交易额" : "保费收入规模", 10000) && growth)
            {
                amount = ev.Cap(ev.Percent(revenue, $"a13-{type}-rate", "奖励"), $"a13-{type}-cap", "上限");
            }

            Record("第十三条", amount, s);
        }

        if (ev.In.Claims("第十四条"))
        {
            using var s = ev.Open("第十四条 支持各类金融机构提升业务增速");
            ev.Apply("a14-superior-only");
            var revenue = ev.Number("a14Revenue");
            var previous = ev.Number("a14PreviousRevenue");
            var large = ev.Meets(revenue, "a14-revenue-split", "营业收入");
            var fast = ev.MeetsShare(revenue - previous, previous, large ? "a14-growth-large" : "a14-growth-small", "增速 = 增量 / 上年");
            var amount = fast ? ev.Cap(ev.Percent(revenue - previous, "a14-rate", "增量支持"), "a14-cap", "上限") : 0;
            Record("第十四条", amount, s);
        }

        if (ev.In.Claims("第十五条"))
        {
            using var s = ev.Open("第十五条 支持投早投小投硬科技");
            ev.P("a15-years");
            var projects = ev.Number("a15Projects");
            var perProject = ev.Percent(ev.Number("a15Investments") / projects, "a15-rate", "每个项目平均奖励");
            var capped = ev.Cap(perProject, "a15-project-cap", "单个项目上限") * projects;
            Record("第十五条", ev.Cap(capped, "a15-annual-cap", "机构年度上限"), s);
        }

        if (ev.In.Claims("第十六条"))
        {
            using var s = ev.Open("第十六条 支持创新“并购+”组合融资服务");
            var amount = ev.Meets(ev.Number("a16Investment"), "a16-min", "并购投资", 10000)
                ? ev.Cap(ev.Percent(ev.Number("a16Interest"), "a16-rate", "贴息"), "a16-cap", "上限")
                : 0;
            Record("第十六条", amount, s);
        }

        using (var s = ev.Open("跨条款就高不重复"))
        {
            if (amounts.ContainsKey("第十一条") && amounts.ContainsKey("第十二条"))
            {
                var best = ev.BestOf("a12-vs-a11", [("第十一条", amounts["第十一条"]), ("第十二条", amounts["第十二条"])]);
                amounts[best.Name == "第十一条" ? "第十二条" : "第十一条"] = 0;
            }

            var group = new[] { "第三条", "第十三条", "第十四条" }.Where(amounts.ContainsKey).ToList();
            if (group.Contains("第十四条") && group.Count > 1)
            {
                var best = ev.BestOf("a14-vs-a3-a13", [.. group.Select(a => (a, amounts[a]))]);
                foreach (var a in group.Where(a => a != best.Name))
                {
                    amounts[a] = 0;
                }
            }

            s.Result(amounts.Values.Sum());
        }

        ev.Apply("rounding");
        var total = amounts.Values.Sum();
        ev.Step("合计", total, "万元");
        ev.Output("byArticle", amounts.Select(kv => KeyValuePair.Create(kv.Key, (object?)kv.Value)).ToList());
        ev.Output("total", total);
        ev.Output("unit", "万元");
    }
}
