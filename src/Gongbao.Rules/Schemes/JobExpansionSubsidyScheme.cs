using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Schemes;

/// <summary>
/// 关于做好高校毕业生等青年就业创业工作的通知, 京人社毕发〔2024〕16号, (一): the one-off job expansion
/// subsidy of 1000元 per eligible hire, until 2025-12-31.
/// </summary>
public sealed class JobExpansionSubsidyScheme : Scheme
{
    public JobExpansionSubsidyScheme()
    {
        Param("per-hire", "一次性扩岗补助标准", 1000, "元/人", "div-1/item-1", "按招用1人1000元的标准发放一次性扩岗补助");
        Param("insurance-months", "足额缴纳社会保险费月数", 3, "个月", "div-1/item-1", "足额缴纳3个月以上的失业、工伤、职工养老保险费");
        Param("youth-min-age", "登记失业青年年龄下限", 16, "岁", "div-1/item-1", "16—24岁登记失业青年");
        Param("youth-max-age", "登记失业青年年龄上限", 24, "岁", "div-1/item-1", "16—24岁登记失业青年");
        Rule("until", "政策执行至2025年12月31日", "div-1/item-1", "政策执行至2025年12月31日");
        Rule("graduates", "毕业年度及离校两年内未就业高校毕业生", "div-1/item-1", "毕业年度及离校两年内未就业高校毕业生");
        Rule("contract", "签订劳动合同", "div-1/item-1", "签订劳动合同");

        Interpret("A hire counts when it is a graduate of the graduation year or within two years of leaving school not yet employed, or a registered unemployed youth aged 16 to 24 inclusive, with a labour contract and at least 3 months (以上 includes 3) of unemployment, injury and pension insurance paid in full.", "div-1/item-1", "并按规定为其足额缴纳3个月以上的失业、工伤、职工养老保险费的企业");
        Interpret("Hires are counted by the caller per category; the hire must fall on or before 2025-12-31 (the evaluation date is used).", "div-1/item-1", "政策执行至2025年12月31日");
    }

    public override string Id => "job-expansion-subsidy";

    public override string Title => "一次性扩岗补助";

    public override string DocumentId => "jingrenshebifa-2024-16";

    public override string DocumentNumber => "京人社毕发〔2024〕16号";

    public override string SourceFile => "2025-12.txt";

    public override string Decides => "one-off job expansion subsidy for an enterprise's eligible hires (元)";

    public override InputSchema Inputs { get; } = new(
    [
        new InputField { Name = "graduateHires", Label = "招用毕业年度及离校两年内未就业高校毕业生人数", Type = InputType.Integer, Required = true, Min = 0, Max = 100000, Unit = "人" },
        new InputField { Name = "youthHires", Label = "招用16—24岁登记失业青年人数", Type = InputType.Integer, Required = true, Min = 0, Max = 100000, Unit = "人" },
        new InputField { Name = "insuranceMonths", Label = "已足额缴纳失业、工伤、职工养老保险费月数", Type = InputType.Integer, Required = true, Min = 0, Max = 600, Unit = "个月" },
        new InputField { Name = "laborContract", Label = "签订劳动合同", Type = InputType.Boolean, Required = true },
    ]);

    protected override void Compute(Evaluation ev)
    {
        ev.P("youth-min-age");
        ev.P("youth-max-age");
        ev.Apply("graduates");
        var inForce = ev.AsOf <= new DateOnly(2025, 12, 31);
        ev.Apply("until", inForce ? "在执行期内" : "已过执行期");
        var contract = ev.Flag("laborContract");
        ev.Apply("contract", contract ? "满足" : "不满足");
        var insured = ev.Meets(ev.Number("insuranceMonths"), "insurance-months", "社会保险缴费月数");
        var eligible = inForce && contract && insured;
        var hires = ev.Number("graduateHires") + ev.Number("youthHires");
        var amount = eligible ? hires * ev.P("per-hire") : 0;
        ev.Step("一次性扩岗补助 = 人数 × 1000", amount, "元");
        ev.Output("eligible", eligible);
        ev.Output("subsidy", amount);
        ev.Output("unit", "元");
    }
}
