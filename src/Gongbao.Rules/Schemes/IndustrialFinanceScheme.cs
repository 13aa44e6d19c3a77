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
    private const string Supplementary = "jingjiguanfa-2024-33/inst-1";

    public IndustrialFinanceScheme()
    {
        // 第二条 科技保险
        Param("a2-threshold", "科技保险: 当年实际保费总支出", 10, "万元", "art-2", "当年实际保费总支出超过 10 万元的");
        Param("a2-rate", "科技保险补贴比例", 50, "%", "art-2", "按照其当年实际保费支出的 50% 给予企业补贴");
        Param("a2-rate-giant", "科技保险补贴比例(国家级专精特新“小巨人”)", 60, "%", "art-2", "按照其当年实际保费支出的 60% 给予企业补贴");
        Param("a2-cap", "科技保险补贴每家企业每年上限", 50, "万元", "art-2", "每家企业每年最高不超过 50 万元");

        // 第三条 供应链金融
        Param("a3-threshold", "保理、融资租赁: 当年业务合同金额", 1, "亿元", "art-3", "当年业务合同金额达到 1 亿元(含)以上的");
        Param("a3-rate", "供应链金融奖励比例", 0.1m, "%", "art-3", "按当年为企业提供融资总额的 0.1% 给予奖励");
        Param("a3-cap", "供应链金融每户每年奖励上限", 500, "万元", "art-3", "每户每年奖励最高不超过 500 万元");

        // 第四条 小微企业贴息
        Param("a4-rate", "小微企业贴息比例", 50, "%", "art-4", "按照企业当年实际支付利息的 50% 予以贴息支持");
        Param("a4-cap", "贴息上限(小微企业)", 25, "万元", "art-4", "每年单户企业贴息支持上限为 25 万元");
        Param("a4-cap-specialised", "贴息上限(北京市“专精特新”)", 40, "万元", "art-4", "每年单户企业贴息支持上限分别为 40 万元、50 万元");
        Param("a4-cap-giant", "贴息上限(国家级专精特新“小巨人”)", 50, "万元", "art-4", "每年单户企业贴息支持上限分别为 40 万元、50 万元");
        Param("a4-first-loan-ratio", "首贷贴息配套比例(1:1)", 1, "倍", "art-4", "按照 1:1 的比例给予资金支持");
        Param("a4-first-loan-cap", "首贷贴息配套单个企业上限", 20, "万元", "art-4", "单个企业最高支持 20 万元");

        // 第八条 持牌法人金融机构
        Param("a8-t1-min", "实收资本第一档下限", 1, "亿元", "art-8", "实收资本 1 亿元(含)—5 亿元的");
        Param("a8-t1-base", "第一档固定补助", 500, "万元", "art-8", "按照“500 万元+实收资本×1%”给予补助");
        Param("a8-t1-rate", "第一档比例", 1, "%", "art-8", "按照“500 万元+实收资本×1%”给予补助");
        Param("a8-t2-min", "实收资本第二档下限", 5, "亿元", "art-8", "实收资本 5 亿元(含)—10 亿元的");
        Param("a8-t2-base", "第二档固定补助", 1000, "万元", "art-8", "按照“1000 万元+实收资本×0.5%”给予补助");
        Param("a8-t2-rate", "第二档比例", 0.5m, "%", "art-8", "按照“1000 万元+实收资本×0.5%”给予补助");
        Param("a8-t3-min", "实收资本第三档下限", 10, "亿元", "art-8", "实收资本 10 亿元(含)—30 亿元的");
        Param("a8-t3-base", "第三档固定补助", 2000, "万元", "art-8", "按照“2000 万元+实收资本×0.3%”给予补助");
        Param("a8-t3-rate", "第三档比例", 0.3m, "%", "art-8", "按照“2000 万元+实收资本×0.3%”给予补助");
        Param("a8-t4-min", "实收资本第四档下限", 30, "亿元", "art-8", "30 亿元(含)以上的");
        Param("a8-t4-base", "第四档固定补助", 5000, "万元", "art-8", "按照“5000 万元+实收资本×0.2%”给予补助");
        Param("a8-t4-rate", "第四档比例", 0.2m, "%", "art-8", "按照“5000 万元+实收资本×0.2%”给予补助");
        Param("a8-cap", "持牌法人金融机构落户补助上限", 6000, "万元", "art-8", "最高不超过 6000 万元");
        Param("a8-increase-min", "增资每新增", 1, "亿元", "art-8", "实收资本每新增 1 亿元(含)以上的");
        Param("a8-increase-rate", "增资补助比例", 1, "%", "art-8", "按增资额度的 1% 给予补助");
        Param("a8-increase-cap", "增资补助每次上限", 2000, "万元", "art-8", "每次最高不超过 2000 万元");

        // 第九条 分支机构
        Param("a9-tier1", "新设银行一级分行及证券、保险一级分支机构开办费", 400, "万元", "art-9", "给予 400 万元一次性开办费支持");
        Param("a9-tier2", "新升格银行二级分行开办费", 200, "万元", "art-9", "新升格的银行二级分行给予 200 万元一次性开办费支持");

        // 第十条 地方金融组织
        Param("a10-min", "地方金融组织实收资本", 5, "亿元", "art-10", "实收资本 5 亿元(含)以上的");
        Param("a10-rate", "落户奖励比例", 0.5m, "%", "art-10", "按实收资本的 0.5% 给予一次性落户奖励");
        Param("a10-cap", "落户奖励上限", 2500, "万元", "art-10", "最高不超过 2500 万元");
        Param("a10-increase-min", "增资每增加", 1, "亿元", "art-10", "实收资本每增加 1 亿元(含)以上的");
        Param("a10-increase-rate", "增资奖励比例", 0.5m, "%", "art-10", "按增资额度的 0.5% 给予奖励");
        Param("a10-increase-cap", "增资奖励每次上限", 500, "万元", "art-10", "每次最高不超过 500 万元");

        // 第十一条 私募投资机构
        Param("a11-fund-min", "所管理基金实缴规模合计", 1, "亿元", "art-11", "所管理基金实缴规模合计达到 1 亿元(含)以上");
        Param("a11-t1-min", "基金管理人实缴资本第一档下限", 1000, "万元", "art-11", "基金管理人实缴资本 1000 万元(含)—5000 万元的");
        Param("a11-t1-rate", "第一档奖励比例", 2, "%", "art-11", "按实缴资本的 2% 给予最高不超过 100 万元奖励");
        Param("a11-t1-cap", "第一档奖励上限", 100, "万元", "art-11", "按实缴资本的 2% 给予最高不超过 100 万元奖励");
        Param("a11-t2-min", "第二档下限", 5000, "万元", "art-11", "基金管理人实缴资本 5000 万元(含)—1 亿元的");
        Param("a11-t2-rate", "第二档奖励比例", 3, "%", "art-11", "按实缴资本的 3% 给予最高不超过 300 万元奖励");
        Param("a11-t2-cap", "第二档奖励上限", 300, "万元", "art-11", "按实缴资本的 3% 给予最高不超过 300 万元奖励");
        Param("a11-t3-min", "第三档下限", 1, "亿元", "art-11", "基金管理人实缴资本 1 亿元(含)及以上的");
        Param("a11-t3-rate", "第三档奖励比例", 4, "%", "art-11", "按实缴资本 4% 给予最高不超过 500 万元奖励");
        Param("a11-t3-cap", "第三档奖励上限", 500, "万元", "art-11", "按实缴资本 4% 给予最高不超过 500 万元奖励");
        Param("a11-increase-min", "已设立基金管理人实缴增资额", 1000, "万元", "art-11", "实缴增资额达 1000 万元(含)以上的");
        Param("a11-increase-rate", "增资奖励比例", 0.5m, "%", "art-11", "按增资金额的 0.5% 给予一次性奖励");
        Param("a11-increase-cap", "增资奖励上限", 100, "万元", "art-11", "最高不超过 100 万元");

        // 第十二条 QFLP
        Param("a12-manager", "新获QFLP试点资格的基金管理公司", 100, "万元", "art-12", "给予100万元一次性奖励");
        Param("a12-t1-min", "QFLP基金实缴第一档下限", 2000, "万美元", "art-12", "2000万美元(含)—5000万美元以下");
        Param("a12-t2-min", "QFLP基金实缴第二档下限", 5000, "万美元", "art-12", "5000万美元(含)—1亿美元");
        Param("a12-t3-min", "QFLP基金实缴第三档下限", 1, "亿美元", "art-12", "1亿美元(含)以上");
        Param("a12-t1", "第一档奖励", 50, "万元", "art-12", "分别给予一次性50万元、80万元、100万元人民币奖励");
        Param("a12-t2", "第二档奖励", 80, "万元", "art-12", "分别给予一次性50万元、80万元、100万元人民币奖励");
        Param("a12-t3", "第三档奖励", 100, "万元", "art-12", "分别给予一次性50万元、80万元、100万元人民币奖励");

        // 第十三条 业务规模
        Param("a13-bank-min", "银行业法人机构落户当年营业收入", 5, "亿元", "art-13", "落户当年的营业收入达到5亿元以上且正增长的");
        Param("a13-bank-rate", "银行业奖励比例", 0.5m, "%", "art-13", "按当年营业收入的0.5%,给予最高1000万元的一次性奖励");
        Param("a13-bank-cap", "银行业奖励上限", 1000, "万元", "art-13", "按当年营业收入的0.5%,给予最高1000万元的一次性奖励");
        Param("a13-securities-min", "证券业法人机构落户当年证券交易额", 500, "亿元", "art-13", "落户当年的证券交易额达500亿元以上且正增长的");
        Param("a13-securities-rate", "证券业奖励比例", 1, "%", "art-13", "按当年营业收入的1%,给予最高500万元的一次性奖励");
        Param("a13-securities-cap", "证券业奖励上限", 500, "万元", "art-13", "按当年营业收入的1%,给予最高500万元的一次性奖励");
        Param("a13-insurance-min", "保险业法人机构落户当年保费收入规模", 200, "亿元", "art-13", "落户当年的保费收入规模 200 亿元以上且正增长的");
        Param("a13-insurance-rate", "保险业奖励比例", 0.5m, "%", "art-13", "按当年营业收入的 0.5%, 给予最高 300 万元的一次性奖励");
        Param("a13-insurance-cap", "保险业奖励上限", 300, "万元", "art-13", "按当年营业收入的 0.5%, 给予最高 300 万元的一次性奖励");

        // 第十四条 业务增速
        Param("a14-revenue-split", "全年营业收入分界", 5000, "万元", "art-14", "全年营业收入达 5000 万元(含)以上");
        Param("a14-growth-small", "营业收入5000万元以下: 增速", 18, "%", "art-14", "增速 18%(含)以上");
        Param("a14-growth-large", "营业收入5000万元(含)以上: 增速", 15, "%", "art-14", "增速 15%(含)以上");
        Param("a14-rate", "营业收入增量支持比例", 2, "%", "art-14", "按年度营业收入增量部分的 2% 给予支持");
        Param("a14-cap", "单家机构每年最高支持", 200, "万元", "art-14", "单家机构每年最高支持金额 200 万元");

        // 第十五条 投早投小
        Param("a15-years", "自投资划款之日起满", 2, "年", "art-15", "自投资划款之日起满 2 年的");
        Param("a15-rate", "实际投资金额奖励比例", 2, "%", "art-15", "按照实际投资金额的 2%(仅限首次投资)");
        Param("a15-project-cap", "单个项目奖励上限", 50, "万元", "art-15", "给予管理企业单个项目最高 50 万元奖励");
        Param("a15-annual-cap", "每家机构每年累计奖励上限", 200, "万元", "art-15", "每家机构每年累计奖励金额最高不超过 200 万元");

        // 第十六条 并购
        Param("a16-min", "并购投资", 1, "亿元", "art-16", "并购投资1亿元以上");
        Param("a16-rate", "并购贷款贴息比例", 25, "%", "art-16", "按实际支付利息的25%给予贴息支持");
        Param("a16-cap", "单户企业每年最高支持", 300, "万元", "art-16", "单户企业每年最高支持金额300万元");

        Rule("a4-no-stacking", "第四条: 本条措施就高不重复享受", "art-4", "本条措施就高不重复享受");
        Rule("a12-vs-a11", "第十二条与第十一条按“就高不重复”原则执行", "art-12", "本条内容与第十一条按“就高不重复”原则执行");
        Rule("a14-vs-a3-a13", "第十四条与第三条、第十三条按“就高不重复”原则执行", "art-14", "本条内容与第三条、第十三条按“就高不重复”原则执行");
        Rule("exclude-public-capital", "剔除经开区政府引导基金、财政资金或国有资本出资部分后计算", "art-11", "应剔除上述出资部分的投资额后,再行计算奖励资金");
        Rule("a14-superior-only", "同一系统内存在上下级关系的, 只给予上级机构业务增速奖励", "art-14", "只给予上级机构业务增速奖励");
        Rule("rounding", "支持金额以万元为单位, 保留两位小数", Supplementary, "本措施各项条款的支持金额以万元为单位,保留两位小数");
        Rule("eligibility", "在亦庄新城225平方公里范围内注册并实际经营, 近3年无重大行政处罚和刑事犯罪记录, 未列入严重违法失信主体名单", Supplementary, "未列入严重违法失信主体名单的法人和其他组织");

        Interpret("第二条: the 超过10万元 premium threshold is read as applying to both rates (50% and the 小巨人 60%); the 50万元 cap applies to both.", "art-2", "每家企业每年最高不超过 50 万元");
        Interpret("第八条 tiers are half-open [1,5), [5,10), [10,30), [30,∞) 亿元 (the (含) marks the lower end); below 1亿元 nothing is due. The 6000万元 cap is read as applying to the settlement subsidy of every tier.", "art-8", "最高不超过 6000 万元");
        Interpret("第十一条: a manager with paid-in capital of exactly 1000万元 qualifies (the tier says 1000 万元(含)), although the entry sentence says 1000 万元以上 — both include 1000.", "art-11", "基金管理人实缴资本 1000 万元(含)—5000 万元的");
        Interpret("Cross-article 就高不重复 (第十二条 vs 第十一条; 第十四条 vs 第三条、第十三条) and 第四条's internal rule grant only the highest of the competing amounts; other articles add up.", "art-14", "按“就高不重复”原则执行");
        Interpret("Amounts given in 亿元 or 亿美元 in the text are compared after conversion (1亿 = 10000万); inputs are in 万元 (or 万美元 for QFLP funds).", Supplementary, "本措施各项条款的支持金额以万元为单位");
        Interpret("第十五条: the 2% applies to the first investment only; each project is capped at 50万元 and the institution's yearly total at 200万元.", "art-15", "每家机构每年累计奖励金额最高不超过 200 万元");
    }

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
        new InputField { Name = "a15Investments", Label = "第十五条: 各首次投资项目实际投资金额(剔除公共出资, 满2年)", Type = InputType.Number, Min = 0, Max = 1e10m, Unit = "万元", Group = "第十五条", Required = true, Help = "total of first investments that reached 2 years" },
        new InputField { Name = "a15Projects", Label = "第十五条: 项目数", Type = InputType.Integer, Min = 1, Max = 10000, Group = "第十五条", Required = true },
        new InputField { Name = "a16Investment", Label = "第十六条: 并购投资额", Type = InputType.Number, Min = 0, Max = 1e10m, Unit = "万元", Group = "第十六条", Required = true },
        new InputField { Name = "a16Interest", Label = "第十六条: 并购贷款实际支付利息", Type = InputType.Number, Min = 0, Max = 1e8m, Unit = "万元", Group = "第十六条", Required = true },
    ], requireOneGroup: true);

    protected override IEnumerable<InputError> Check(ValidatedInputs inputs)
    {
        if (inputs.Claims("第八条") && !inputs.Has("a8PaidInCapital") && !inputs.Has("a8CapitalIncrease"))
        {
            yield return new InputError("a8PaidInCapital", "required when claiming 第八条: give a8PaidInCapital or a8CapitalIncrease");
        }

        if (inputs.Claims("第十条") && !inputs.Has("a10PaidInCapital") && !inputs.Has("a10CapitalIncrease"))
        {
            yield return new InputError("a10PaidInCapital", "required when claiming 第十条: give a10PaidInCapital or a10CapitalIncrease");
        }

        if (inputs.Claims("第十一条") && !inputs.Has("a11ManagerCapital") && !inputs.Has("a11CapitalIncrease"))
        {
            yield return new InputError("a11ManagerCapital", "required when claiming 第十一条: give a11ManagerCapital or a11CapitalIncrease");
        }

        if (inputs.Claims("第十二条") && !inputs.Flag("a12NewManager") && !inputs.Has("a12FundPaidInUsd"))
        {
            yield return new InputError("a12FundPaidInUsd", "required when claiming 第十二条: give a12NewManager or a12FundPaidInUsd");
        }

        if (inputs.Has("a13Type") && inputs.Choice("a13Type") != "bank" && !inputs.Has("a13Volume"))
        {
            yield return new InputError("a13Volume", "required for securities and insurance institutions (第十三条)");
        }

        if (inputs.Claims("第十五条") && inputs.Has("a15Investments") && inputs.Has("a15Projects") && inputs.Number("a15Projects") <= 0)
        {
            yield return new InputError("a15Projects", "must be at least 1");
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
                var tier = ev.Meets(capital, "a8-t4-min", "第四档", 10000) ? "t4"
                    : ev.Meets(capital, "a8-t3-min", "第三档", 10000) ? "t3"
                    : ev.Meets(capital, "a8-t2-min", "第二档", 10000) ? "t2"
                    : ev.Meets(capital, "a8-t1-min", "第一档", 10000) ? "t1" : null;
                if (tier is not null)
                {
                    var settle = ev.P($"a8-{tier}-base") + ev.Percent(capital, $"a8-{tier}-rate", "实收资本 × 比例");
                    amount += ev.Cap(settle, "a8-cap", "落户补助上限");
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
            var growthPct = Math.Round((revenue - previous) / previous * 100, 4);
            ev.Step("增速", growthPct, "%");
            var large = ev.Meets(revenue, "a14-revenue-split", "营业收入");
            var fast = ev.Meets(growthPct, large ? "a14-growth-large" : "a14-growth-small", "增速");
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
