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
    public EnergyEfficiencyScheme()
    {
        Param("scope-area", "应分级的公共建筑部分面积", 3000, "平方米", "art-3", "3000平方米以上");
        Param("scope-share", "公共建筑部分面积占比", 50, "%", "art-3", "超过50%");
        Param("large-area", "大型公共建筑单体建筑面积", 20000, "平方米", "art-8", "超过20000平方米");
        Param("large-deadline-month", "大型公共建筑完成能效分级的月份(月底前)", 6, "月", "art-8", "每年6月底前");
        Param("grade3-factor", "三级上限: 约束值倍数", 1.5m, "倍", "art-5/item-3", "不超过约束值的1.5倍");
        Param("grade4-factor", "四级上限: 约束值倍数", 1.8m, "倍", "art-5/item-4", "不超过约束值的1.8倍");
        Param("grade5-factor", "五级: 超过约束值倍数", 1.8m, "倍", "art-5/item-5", "超过约束值的1.8倍");
        Param("spot-check-share", "大型公共建筑随机抽查比例", 5, "%", "art-10", "按照5%的");

        Rule("grade1", "不超过引导值: 一级", "art-5/item-1", "年度综合能耗强度不超过引导值时，其能效等级为一级");
        Rule("grade2", "超过引导值但不超过约束值: 二级", "art-5/item-2", "超过引导值但不超过约束值时，其能效等级为二级");
        Rule("grade3", "超过约束值但不超过约束值的1.5倍: 三级", "art-5/item-3", "其能效等级为三级");
        Rule("grade4", "超过约束值的1.5倍但不超过1.8倍: 四级", "art-5/item-4", "其能效等级为四级");
        Rule("grade5", "超过约束值的1.8倍: 五级", "art-5/item-5", "其能效等级为五级");
        Rule("excluded-energy", "不计入公共建筑能耗: 数据中心专用机房、专用医疗设备、专用实验仪器、充电桩等", "art-4/para-2", "包括特殊用能在内的以下能耗不计入公共建筑能耗范围");
        Rule("secret-exempt", "涉及国家秘密的公共建筑除外", "art-3/para-2", "涉及国家秘密的公共建筑除外");
        Rule("large-online", "大型公共建筑: 每年6月底前登录服务系统完成能效分级, 证明材料整理成册备查", "art-8", "应在每年6月底前登录服务系统完成能效分级");
        Rule("grade34-duty", "三级、四级: 健全绿色运行维护管理制度, 设置专人, 查找影响能效因素, 可进行一般能源审计, 采取改进措施", "art-9", "应健全建筑绿色运行维护管理制度，设置专人负责节能绿色运行管理");
        Rule("grade5-duty", "五级: 组织节能检测和诊断, 开展深度能源审计, 采取改进措施", "art-9/para-2", "应组织对建筑主要用能设备进行节能检测和诊断");
        Rule("grade5-twice-duty", "连续两年五级: 加强节能管理, 实施节能绿色化改造", "art-9/para-3", "连续两年能效分级结果为五级的，公共建筑所有权人应依据能源审计结果加强节能管理和实施节能绿色化改造");
        Rule("demonstration", "一级或二级: 可申请具有能效示范作用公共建筑评选", "art-11/para-2", "对能效等级为一级或二级的公共建筑");
        Rule("large-twice-five-sanction", "大型公共建筑连续两年五级且未实施改造: 依照《北京市建筑绿色发展条例》第五十九条处理", "art-12", "依照《北京市建筑绿色发展条例》第五十九条进行处理");
        Rule("green-label", "申报绿色建筑标识: 能效等级应为一级至四级", "art-14", "且能效等级为一级至四级");

        Interpret("Annual comprehensive energy intensity is an input in the standard's unit, or is computed as (annual energy use − the uses excluded by 第四条) ÷ public-building area; the guide and constraint values come from the current 《民用建筑能耗标准》 for the building's type and are inputs.",
            "art-2", "现行本市《民用建筑能耗标准》");
        Interpret("第三条 scope: 3000平方米以上 includes 3000; 占比超过50% excludes exactly 50%.", "art-3", "公共建筑部分面积在3000平方米以上,且公共建筑部分的面积占比超过50%");
        Interpret("Buildings outside 第三条's scope may still be graded voluntarily (第八条 其他公共建筑…可), so the grade is computed for them too, flagged as not mandatory.", "art-8/para-2", "其他公共建筑所有权人可登录服务系统进行能效分级");
        Interpret("Article IDs count articles in print order: 第十二条 → art-11, 第十三条 → art-12, the first 第十五条 → art-14, the second → art-15.", "art-14", "能效等级为一级至四级");
    }

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
        new InputField { Name = "energyIntensity", Label = "年度综合能耗强度", Type = InputType.Number, Min = 0, Max = 100_000, Unit = "按《民用建筑能耗标准》", Help = "or give annualEnergyUse (and excludedEnergyUse)" },
        new InputField { Name = "annualEnergyUse", Label = "年度综合能耗", Type = InputType.Number, Min = 0, Max = 1e12m, Unit = "按《民用建筑能耗标准》" },
        new InputField { Name = "excludedEnergyUse", Label = "第四条不计入的能耗(专用机房、医疗设备、实验仪器、充电桩等)", Type = InputType.Number, Min = 0, Max = 1e12m, Unit = "同上", Help = "absent: 0" },
        new InputField { Name = "guideValue", Label = "综合能耗指标引导值(《民用建筑能耗标准》)", Type = InputType.Number, Required = true, Min = 0, Max = 100_000 },
        new InputField { Name = "constraintValue", Label = "综合能耗指标约束值(《民用建筑能耗标准》)", Type = InputType.Number, Required = true, Min = 0, Max = 100_000 },
        new InputField { Name = "previousGrade", Label = "上一年度能效等级", Type = InputType.Integer, Min = 1, Max = 5 },
        new InputField { Name = "stateSecret", Label = "涉及国家秘密", Type = InputType.Boolean, Help = "absent: false" },
        new InputField { Name = "greenLabel", Label = "申报绿色建筑标识", Type = InputType.Boolean, Help = "absent: false" },
    ]);

    protected override IEnumerable<InputError> Check(ValidatedInputs inputs)
    {
        if (!inputs.Has("energyIntensity") && !inputs.Has("annualEnergyUse"))
        {
            yield return new InputError("energyIntensity", "required: give energyIntensity or annualEnergyUse");
        }

        if (inputs.Has("publicArea") && inputs.Has("buildingArea") && inputs.Number("publicArea") > inputs.Number("buildingArea"))
        {
            yield return new InputError("publicArea", "exceeds buildingArea");
        }

        if (!inputs.Has("energyIntensity") && inputs.Has("annualEnergyUse") && inputs.Number("publicArea") <= 0)
        {
            yield return new InputError("publicArea", "must be positive to compute the energy intensity");
        }

        if (inputs.Has("excludedEnergyUse") && inputs.Has("annualEnergyUse") && inputs.Number("excludedEnergyUse") > inputs.Number("annualEnergyUse"))
        {
            yield return new InputError("excludedEnergyUse", "exceeds annualEnergyUse");
        }

        if (inputs.Has("guideValue") && inputs.Has("constraintValue") && inputs.Number("guideValue") > inputs.Number("constraintValue"))
        {
            yield return new InputError("guideValue", "the guide value cannot exceed the constraint value");
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
            var share = area == 0 ? 0 : Math.Round(publicArea / area * 100, 4);
            ev.Step("公共建筑部分面积占比", share, "%");
            var bigEnough = ev.Meets(publicArea, "scope-area", "公共建筑部分面积");
            var shareOk = ev.Meets(share, "scope-share", "面积占比");
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
                intensity = Math.Round(net / ev.In.Number("publicArea"), 4, MidpointRounding.AwayFromZero);
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
