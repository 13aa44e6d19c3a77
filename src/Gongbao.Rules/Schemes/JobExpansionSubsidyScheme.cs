using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Schemes;

/// <summary>
/// 关于做好高校毕业生等青年就业创业工作的通知, 京人社毕发〔2024〕16号, (一): the one-off job expansion
/// subsidy of 1000元 per eligible hire, until 2025-12-31.
/// </summary>
public sealed class JobExpansionSubsidyScheme : Scheme
{
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
        var inForce = ev.InForce();
        var contract = ev.Flag("laborContract");
        ev.Apply("contract", contract ? "满足" : "不满足");
        var insured = ev.Meets(ev.Number("insuranceMonths"), "insurance-months", "社会保险缴费月数");
        var eligible = inForce && contract && insured;
        var hires = ev.Number("graduateHires") + ev.Number("youthHires");
        var perHire = ev.P("per-hire");
        var amount = eligible ? hires * perHire : 0;
        ev.Step($"一次性扩岗补助 = {TraceStep.Format(hires)} 人 × {TraceStep.Format(perHire)} 元/人", amount, "元");
        ev.Output("eligible", eligible);
        ev.Output("subsidy", amount);
        ev.Output("unit", "元");
    }
}
