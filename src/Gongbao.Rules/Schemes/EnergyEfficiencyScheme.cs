using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Schemes;

/// <summary>
/// 北京市公共建筑能效分级管理办法, 京建法〔2024〕12号: whether a building must be graded (第三条), its grade
/// one to five from the annual comprehensive energy intensity against the guide and constraint values
/// of the municipal 《民用建筑能耗标准》 (第五条), and the obligations each grade brings (第八条–第十五条).
/// The guide and constraint values come from that external standard and are inputs, never invented here.
/// Article ordinals: the printed numbering skips 第十一条 and repeats 第十五条, so 第十二条 is art-11.
/// </summary>
public sealed class EnergyEfficiencyScheme : Scheme
{
    public override string Id => "energy-efficiency";

    public override string Title => "北京市公共建筑能效分级";

    public override string DocumentId => "jingjianfa-2024-12";

    public override string DocumentNumber => "京建法〔2024〕12号";

    public override string SourceFile => "2025-12.txt";

    public override string Decides => "whether grading is mandatory, energy-efficiency grade 1–5 and the owner's obligations";

    public override InputSchema Inputs { get; } = new(
    [
        new InputField { Name = "buildingArea", Label = "单体建筑面积", Type = InputType.Number, Required = true, Min = 0, Max = 10_000_000, Unit = "平方米" },
        new InputField { Name = "publicArea", Label = "公共建筑部分面积", Type = InputType.Number, Required = true, Min = 0, Max = 10_000_000, Unit = "平方米" },
        new InputField { Name = "energyIntensity", Label = "年度综合能耗强度", Type = InputType.Number, Min = 0, Max = 100_000, Unit = "按《民用建筑能耗标准》", Help = "或填写年能耗总量（及扣除的能耗）" },
        new InputField { Name = "annualEnergyUse", Label = "年度综合能耗", Type = InputType.Number, Min = 0, Max = 1e12m, Unit = "按《民用建筑能耗标准》" },
        new InputField { Name = "excludedEnergyUse", Label = "第四条不计入的能耗(专用机房、医疗设备、实验仪器、充电桩等)", Type = InputType.Number, Min = 0, Max = 1e12m, Unit = "同上", Help = "不填视为 0" },
        new InputField { Name = "guideValue", Label = "综合能耗指标引导值(《民用建筑能耗标准》)", Type = InputType.Number, Required = true, Min = 0, Max = 100_000 },
        new InputField { Name = "constraintValue", Label = "综合能耗指标约束值(《民用建筑能耗标准》)", Type = InputType.Number, Required = true, Min = 0, Max = 100_000 },
        new InputField { Name = "previousGrade", Label = "上一年度能效等级", Type = InputType.Integer, Min = 1, Max = 5 },
        new InputField { Name = "stateSecret", Label = "涉及国家秘密", Type = InputType.Boolean, Help = "不填视为否" },
        new InputField { Name = "greenLabel", Label = "申报绿色建筑标识", Type = InputType.Boolean, Help = "不填视为否" },
    ]);

    protected override IEnumerable<InputError> Check(ValidatedInputs inputs)
    {
        if (!inputs.Has("energyIntensity") && !inputs.Has("annualEnergyUse"))
        {
            yield return new InputError("energyIntensity", "required: give energyIntensity or annualEnergyUse", InputError.Required);
        }

        if (inputs.Has("publicArea") && inputs.Has("buildingArea") && inputs.Number("publicArea") > inputs.Number("buildingArea"))
        {
            yield return new InputError("publicArea", "exceeds buildingArea", InputError.Conflict);
        }

        if (!inputs.Has("energyIntensity") && inputs.Has("annualEnergyUse") && inputs.Number("publicArea") <= 0)
        {
            yield return new InputError("publicArea", "must be positive to compute the energy intensity", InputError.OutOfRange);
        }

        if (inputs.Has("excludedEnergyUse") && inputs.Has("annualEnergyUse") && inputs.Number("excludedEnergyUse") > inputs.Number("annualEnergyUse"))
        {
            yield return new InputError("excludedEnergyUse", "exceeds annualEnergyUse", InputError.Conflict);
        }

        if (inputs.Has("guideValue") && inputs.Has("constraintValue") && inputs.Number("guideValue") > inputs.Number("constraintValue"))
        {
            yield return new InputError("guideValue", "the guide value cannot exceed the constraint value", InputError.Conflict);
        }
    }

    protected override void Compute(Evaluation ev)
    {
        bool mandatory;
        bool large;
        using (var s = ev.Open("适用范围(第三条)"))
        {
            var area = ev.Number("buildingArea");
            var publicArea = ev.Number("publicArea");
            var bigEnough = ev.Meets(publicArea, "scope-area", "公共建筑部分面积");
            var shareOk = ev.MeetsShare(publicArea, area, "scope-share", "公共建筑部分面积占比");
            var secret = ev.Flag("stateSecret");
            if (secret)
            {
                ev.Apply("secret-exempt");
            }

            mandatory = bigEnough && shareOk && !secret;
            large = ev.Meets(area, "large-area", "大型公共建筑");
            s.Result(mandatory);
        }

        decimal intensity;
        using (var s = ev.Open("年度综合能耗强度"))
        {
            if (ev.In.Has("energyIntensity"))
            {
                intensity = ev.Number("energyIntensity");
            }
            else
            {
                ev.Apply("excluded-energy");
                var net = ev.Number("annualEnergyUse") - ev.Number("excludedEnergyUse", 0);
                ev.Step("计入的能耗 = 年度综合能耗 − 不计入部分", net);
                intensity = net / ev.In.Number("publicArea");
            }

            s.Result(intensity);
        }

        int grade;
        using (var s = ev.Open("能效等级(第五条)"))
        {
            var guide = ev.Number("guideValue");
            var constraint = ev.Number("constraintValue");
            if (ev.Compare(intensity, "不超过引导值", guide, "引导值"))
            {
                grade = 1;
            }
            else if (ev.Compare(intensity, "不超过约束值", constraint, "约束值"))
            {
                grade = 2;
            }
            else if (ev.Compare(intensity, "不超过约束值的1.5倍", constraint * ev.P("grade3-factor"), "约束值×1.5"))
            {
                grade = 3;
            }
            else if (ev.Compare(intensity, "不超过约束值的1.8倍", constraint * ev.P("grade4-factor"), "约束值×1.8"))
            {
                grade = 4;
            }
            else
            {
                ev.P("grade5-factor");
                grade = 5;
            }

            ev.Apply("grade" + grade);
            s.Result(grade);
        }

        var duties = new List<string>();
        using (var s = ev.Open("等级后果与义务(第八条–第十五条)"))
        {
            if (large)
            {
                ev.P("large-deadline-month");
                duties.Add(ev.Apply("large-online").Label);
            }

            if (grade is 3 or 4)
            {
                duties.Add(ev.Apply("grade34-duty").Label);
            }

            var twiceFive = grade == 5 && ev.In.Has("previousGrade") && ev.Number("previousGrade") == 5;
            if (grade == 5)
            {
                duties.Add(ev.Apply("grade5-duty").Label);
            }

            if (twiceFive)
            {
                duties.Add(ev.Apply("grade5-twice-duty").Label);
                if (large)
                {
                    duties.Add(ev.Apply("large-twice-five-sanction").Label);
                }
            }

            if (grade <= 2)
            {
                duties.Add(ev.Apply("demonstration").Label);
            }

            if (ev.Flag("greenLabel"))
            {
                var ok = grade <= 4;
                ev.Apply("green-label", ok ? "满足" : "不满足");
                duties.Add(ok ? "绿色建筑标识: 能效等级满足一级至四级" : "绿色建筑标识: 五级不满足一级至四级的要求");
            }

            s.Result(duties.Count);
        }

        ev.Output("mandatory", mandatory);
        ev.Output("largePublicBuilding", large);
        ev.Output("energyIntensity", intensity);
        ev.Output("grade", (decimal)grade);
        ev.Output("obligations", (IReadOnlyList<string>)duties);
    }
}
