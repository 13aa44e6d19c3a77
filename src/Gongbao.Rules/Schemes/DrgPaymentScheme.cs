using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Schemes;

/// <summary>
/// 关于开展国家医疗保障按病组(DRG)付费2.0版工作有关问题的通知, 京医保发〔2024〕24号: a DRG group's payment
/// standard is its weight × the rate (20425元; 20834元 for infectious-disease hospitals), and the share of
/// a surplus the hospital keeps (employees' scheme all, residents' scheme 50%).
/// </summary>
public sealed class DrgPaymentScheme : Scheme
{
    public override string Id => "drg-payment";

    public override string Title => "按病组(DRG)付费2.0版支付标准";

    public override string DocumentId => "jingyibaofa-2024-24";

    public override string DocumentNumber => "京医保发〔2024〕24号";

    public override string SourceFile => "2025-12.txt";

    public override string Decides => "DRG payment standard of a group (元) and the retained share of a surplus";

    public override InputSchema Inputs { get; } = new(
    [
        new InputField { Name = "weight", Label = "病组权重(附件1)", Type = InputType.Number, Required = true, Min = 0.0001m, Max = 1000 },
        new InputField { Name = "infectiousSpecialty", Label = "传染病专科医疗机构", Type = InputType.Boolean, Help = "不填视为否" },
        new InputField { Name = "consumablesGroup", Label = "属于33个耗材集采相关病组", Type = InputType.Boolean, Help = "不填视为否" },
        new InputField
        {
            Name = "insurance", Label = "险种", Type = InputType.Choice,
            Options = [new("employee", "城镇职工基本医疗保险"), new("resident", "城乡居民基本医疗保险")],
        },
        new InputField { Name = "surplus", Label = "病组结余", Type = InputType.Number, Min = 0, Max = 1e10m, Unit = "元" },
        new InputField { Name = "specialCases", Label = "特例单议病例数", Type = InputType.Integer, Min = 0, Max = 100_000_000, Unit = "例", Group = "特例单议", Required = true },
        new InputField { Name = "dischargedCases", Label = "DRG出院总病例数", Type = InputType.Integer, Min = 1, Max = 100_000_000, Unit = "例", Group = "特例单议", Required = true },
    ]);

    protected override void Compute(Evaluation ev)
    {
        var inForce = ev.InForce();
        decimal? standard = null;
        if (ev.Flag("consumablesGroup"))
        {
            ev.Apply("consumables-groups");
        }
        else
        {
            using var s = ev.Open("病组支付标准 = 权重 × 费率");
            ev.Apply("payment-standard");
            var weight = ev.Number("weight");
            var rate = ev.Flag("infectiousSpecialty") ? ev.P("rate-infectious") : ev.P("rate");
            standard = Math.Round(weight * rate, 2, MidpointRounding.AwayFromZero);
            s.Result(standard);
        }

        decimal? retained = null;
        if (ev.In.Has("surplus"))
        {
            using var s = ev.Open("结余留用");
            var surplus = ev.Number("surplus");
            if (ev.In.ChoiceOrNull("insurance") == "resident")
            {
                ev.ShowInput("insurance");
                retained = ev.Percent(surplus, "resident-retention", "留用");
            }
            else
            {
                ev.Apply("employee-retention");
                retained = surplus;
            }

            s.Result(retained);
        }

        bool? withinNorm = null;
        if (ev.In.Claims("特例单议"))
        {
            using var s = ev.Open("特例单议数量占比");
            withinNorm = ev.MeetsShare(ev.Number("specialCases"), ev.Number("dischargedCases"), "special-case-share", "特例单议 / 出院总病例");
            s.Result(withinNorm);
        }

        ev.Output("inForce", inForce);
        ev.Output("specialCasesWithinNorm", withinNorm);
        ev.Output("paymentStandard", standard);
        ev.Output("retainedSurplus", retained);
        ev.Output("unit", "元");
    }

    protected override IEnumerable<InputError> Check(ValidatedInputs inputs)
    {
        if (inputs.Has("surplus") && !inputs.Has("insurance"))
        {
            yield return new InputError("insurance", "required with surplus (城镇职工 or 城乡居民)", InputError.Required);
        }
    }
}
