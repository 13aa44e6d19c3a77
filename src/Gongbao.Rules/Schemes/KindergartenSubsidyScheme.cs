using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Schemes;

/// <summary>
/// 北京经济技术开发区支持普惠性民办幼儿园发展补助资金管理使用实施细则(试行), 京技管发〔2024〕30号: the
/// per-child subsidy (第五条, 1800元/生·月, 12 months), the rent subsidy (第六条, at most 5元/平方米·天,
/// actual rent when lower), the preschool aid (第八条, the kindergarten's fee standard per aided child),
/// the application conditions (第十二条) and the publicity period (第十四条).
/// </summary>
public sealed class KindergartenSubsidyScheme : Scheme
{
    private static readonly (string Key, string Label)[] Conditions =
    [
        ("admission", "参照经开区公办幼儿园招生要求招收适龄幼儿"),
        ("lawful", "依法依规办园,近3年内无违规办园行为,无安全事故发生,无办学风险隐患,未受到相关部门的行政处罚"),
        ("inspection", "上年度经开区教育行政管理部门对其考核或年检结果为“合格”或以上等次"),
    ];

    public KindergartenSubsidyScheme()
    {
        Param("per-child", "生均定额补助标准", 1800, "元/生·月", "art-5/sub-1", "补助标准为1800元/生·月");
        Param("months", "每年计发月数", 12, "月", "art-5/sub-1", "每年按12个月计发");
        Param("min-age", "计入补助的在园儿童年龄(满)", 3, "岁", "art-5/sub-1", "秋季招生年龄满3岁");
        Param("rent-cap", "租金补助标准上限", 5, "元/平方米·天", "art-6/sub-1", "补助标准不高于5元/平方米·天");
        Param("first-lease-years", "新开办幼儿园首次租赁期", 6, "年", "art-6/sub-2", "首次租赁期应为6年以上");
        Param("clean-years", "无违规办园行为的年限", 3, "年", "art-12/sub-2", "近3年内无违规办园行为");
        Param("publicity-working-days", "公示期(不少于)", 5, "工作日", "art-14", "公示期不少于5个工作日");
        Rule("rent-actual", "实际租金低于补助标准的据实补助", "art-6/sub-1", "实际租金低于补助标准的据实补助");
        Rule("rent-area", "租金补助面积按租赁合同中办园场所建筑面积核定, 人均不超过《幼儿园建设标准》指标", "art-6/sub-2", "人均建筑面积最高不超过住房和城乡建设部、国家发展和改革委员会联合发布的《幼儿园建设标准》(建标[2016]246号)规定的全日制幼儿园各类用房人均建筑面积指标");
        Rule("aid-standard", "学前教育资助标准为所在园保育教育费收费标准", "art-8", "资助标准为所在园保育教育费收费标准");
        for (var i = 0; i < Conditions.Length; i++)
        {
            Rule("condition-" + Conditions[i].Key, Conditions[i].Label, $"art-12/sub-{i + 1}", Conditions[i].Label);
        }

        Interpret("Rent subsidy per year = min(actual rent, 5元/平方米·天) × subsidised area × rented days; the subsidised area is the contract area limited to children × the per-child area of 《幼儿园建设标准》(建标[2016]246号), an external value given as input when known.",
            "art-6/sub-2", "人均建筑面积最高不超过");
        Interpret("Per-child subsidy counts children aged 3 or more (满3岁 includes the third birthday) for the year's 12 months; the quarterly counting dates of 第五条第3项 are left to the caller (the child count is an input).", "art-5/sub-1", "每年按12个月计发");
        Interpret("Preschool aid = aided children × the kindergarten's monthly fee standard × aided months.", "art-8", "资助标准为所在园保育教育费收费标准");
        Interpret("All three conditions of 第十二条 must hold; a kindergarten failing one receives nothing.", "art-12", "参照经开区公办幼儿园招生要求招收适龄幼儿");
    }

    public override string Id => "kindergarten-subsidy";

    public override string Title => "经开区普惠性民办幼儿园发展补助资金";

    public override string DocumentId => "jingjiguanfa-2024-30";

    public override string DocumentNumber => "京技管发〔2024〕30号";

    public override string SourceFile => "2025-12.txt";

    public override string Decides => "yearly per-child subsidy, rent subsidy and preschool aid of an inclusive private kindergarten (元)";

    public override InputSchema Inputs { get; } = new(
    [
        new InputField
        {
            Name = "conditionsMet", Label = "满足的申请条件(第十二条)", Type = InputType.ChoiceSet, Required = true,
            Options = [.. Conditions.Select(c => new InputOption(c.Key, c.Label))],
        },
        new InputField { Name = "children", Label = "年龄满3岁的实际在园儿童数", Type = InputType.Integer, Required = true, Min = 0, Max = 10000, Unit = "人" },
        new InputField { Name = "rentPerSquareMetreDay", Label = "实际租金", Type = InputType.Number, Min = 0, Max = 1000, Unit = "元/平方米·天", Group = "rent", Required = true },
        new InputField { Name = "leasedArea", Label = "租赁合同中办园场所建筑面积", Type = InputType.Number, Min = 0, Max = 1_000_000, Unit = "平方米", Group = "rent", Required = true },
        new InputField { Name = "rentDays", Label = "年度租赁天数", Type = InputType.Integer, Min = 0, Max = 366, Unit = "天", Group = "rent", Required = true },
        new InputField { Name = "areaPerChildLimit", Label = "《幼儿园建设标准》人均建筑面积指标", Type = InputType.Number, Min = 0, Max = 1000, Unit = "平方米/人", Group = "rent" },
        new InputField { Name = "aidedChildren", Label = "符合学前教育资助条件的儿童数", Type = InputType.Integer, Min = 0, Max = 10000, Unit = "人", Group = "aid", Required = true },
        new InputField { Name = "feePerMonth", Label = "所在园保育教育费收费标准", Type = InputType.Number, Min = 0, Max = 100000, Unit = "元/生·月", Group = "aid", Required = true },
        new InputField { Name = "aidMonths", Label = "资助月数", Type = InputType.Integer, Min = 0, Max = 12, Unit = "月", Group = "aid", Required = true },
        new InputField { Name = "publicityStart", Label = "公示开始日期(第十四条)", Type = InputType.Date },
    ]);

    protected override void Compute(Evaluation ev)
    {
        bool eligible;
        using (var s = ev.Open("申请条件(第十二条)"))
        {
            var met = ev.Set("conditionsMet");
            foreach (var c in Conditions)
            {
                ev.Apply("condition-" + c.Key, met.Contains(c.Key) ? "满足" : "不满足");
            }

            eligible = Conditions.All(c => met.Contains(c.Key));
            s.Result(eligible);
        }

        decimal perChild = 0, rent = 0, aid = 0;
        if (eligible)
        {
            using (var s = ev.Open("生均定额补助(第五条)"))
            {
                ev.P("min-age");
                perChild = ev.Number("children") * ev.P("per-child") * ev.P("months");
                s.Result(perChild);
            }

            if (ev.In.Claims("rent"))
            {
                using var s = ev.Open("租金补助(第六条)");
                var actual = ev.Number("rentPerSquareMetreDay");
                var cap = ev.P("rent-cap");
                var rate = Math.Min(actual, cap);
                if (actual < cap)
                {
                    ev.Apply("rent-actual");
                }

                ev.Step("补助单价 = min(实际租金, 5)", rate, "元/平方米·天");
                var area = ev.Number("leasedArea");
                if (ev.In.Has("areaPerChildLimit"))
                {
                    ev.Apply("rent-area");
                    var limit = ev.In.Number("children") * ev.Number("areaPerChildLimit");
                    area = Math.Min(area, limit);
                    ev.Step("补助面积 = min(租赁面积, 在园儿童数 × 人均指标)", area, "平方米");
                }

                rent = Math.Round(rate * area * ev.Number("rentDays"), 2, MidpointRounding.AwayFromZero);
                s.Result(rent);
            }

            if (ev.In.Claims("aid"))
            {
                using var s = ev.Open("学前教育资助资金(第八条)");
                ev.Apply("aid-standard");
                aid = ev.Number("aidedChildren") * ev.Number("feePerMonth") * ev.Number("aidMonths");
                s.Result(aid);
            }
        }

        var total = perChild + rent + aid;
        ev.Step("合计", total, "元");
        string? publicityEnd = null;
        if (ev.In.DateOrNull("publicityStart") is { } start)
        {
            ev.ShowInput("publicityStart");
            publicityEnd = WorkingDayCalendar.ChinaMainland.AddWorkingDays(start, (int)ev.P("publicity-working-days"))
                .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            ev.Step("公示期最早结束日", publicityEnd);
        }

        ev.Output("eligible", eligible);
        ev.Output("perChildSubsidy", perChild);
        ev.Output("rentSubsidy", rent);
        ev.Output("preschoolAid", aid);
        ev.Output("total", total);
        ev.Output("unit", "元/年");
        ev.Output("publicityEarliestEnd", publicityEnd);
    }
}
