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
