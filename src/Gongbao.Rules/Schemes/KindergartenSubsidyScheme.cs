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
        new InputField { Name = "childrenLastSeptember", Label = "上一年9月末在园儿童数(核定第一、二季度)", Type = InputType.Integer, Min = 0, Max = 10000, Unit = "人", Help = "学前管理系统数据, 年龄满3岁" },
        new InputField { Name = "childrenThisMarch", Label = "当年3月末在园儿童数(核定第三、四季度)", Type = InputType.Integer, Min = 0, Max = 10000, Unit = "人", Help = "学前管理系统数据, 年龄满3岁" },
        new InputField { Name = "children", Label = "全年在园儿童数(不分季度时)", Type = InputType.Integer, Min = 0, Max = 10000, Unit = "人", Help = "或填写上两项季度核定人数" },
        new InputField { Name = "year", Label = "补助年度", Type = InputType.Integer, Min = 2024, Max = 2100, Unit = "年", Help = "不填为评估日期所在年度" },
        new InputField { Name = "rentPerSquareMetreDay", Label = "实际租金", Type = InputType.Number, Min = 0, Max = 1000, Unit = "元/平方米·天", Group = "rent", Required = true },
        new InputField { Name = "leasedArea", Label = "租赁合同中办园场所建筑面积", Type = InputType.Number, Min = 0, Max = 1_000_000, Unit = "平方米", Group = "rent", Required = true },
        new InputField { Name = "rentDays", Label = "年度租赁天数", Type = InputType.Integer, Min = 0, Max = 366, Unit = "天", Group = "rent", Required = true },
        new InputField { Name = "areaPerChildLimit", Label = "《幼儿园建设标准》人均建筑面积指标", Type = InputType.Number, Min = 0, Max = 1000, Unit = "平方米/人", Group = "rent" },
        new InputField { Name = "aidedChildren", Label = "符合学前教育资助条件的儿童数", Type = InputType.Integer, Min = 0, Max = 10000, Unit = "人", Group = "aid", Required = true },
        new InputField { Name = "feePerMonth", Label = "所在园保育教育费收费标准", Type = InputType.Number, Min = 0, Max = 100000, Unit = "元/生·月", Group = "aid", Required = true },
        new InputField { Name = "aidMonths", Label = "资助月数", Type = InputType.Integer, Min = 0, Max = 12, Unit = "月", Group = "aid", Required = true },
        new InputField { Name = "publicityStart", Label = "公示开始日期(第十四条)", Type = InputType.Date },
    ]);

    protected override IEnumerable<InputError> Check(ValidatedInputs inputs)
    {
        var quarterly = inputs.Has("childrenLastSeptember") || inputs.Has("childrenThisMarch");
        if (quarterly && !(inputs.Has("childrenLastSeptember") && inputs.Has("childrenThisMarch")))
        {
            yield return new InputError(inputs.Has("childrenLastSeptember") ? "childrenThisMarch" : "childrenLastSeptember",
                "required: both quarterly counts (上一年9月末 for 第一、二季度, 当年3月末 for 第三、四季度)", InputError.Required);
        }
        else if (quarterly && inputs.Has("children"))
        {
            yield return new InputError("children", "give either the quarterly counts or one yearly count, not both", InputError.Conflict);
        }
        else if (!quarterly && !inputs.Has("children"))
        {
            yield return new InputError("childrenLastSeptember", "required: the quarterly counts (or children, one count for the whole year)", InputError.Required);
        }
    }

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
                perChild = ev.In.Has("children") ? Yearly(ev) : Quarterly(ev);
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
                    var limit = RentChildren(ev.In) * ev.Number("areaPerChildLimit");
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
        if (!ev.In.Has("children"))
        {
            var year = ev.In.Has("year") ? (int)ev.In.Number("year") : ev.AsOf.Year;
            ev.Output("firstHalfCountDate", CountDate(year - 1, ev.Scheme.Parameter("h1-count-month").At(ev.AsOf).Value));
            ev.Output("secondHalfCountDate", CountDate(year, ev.Scheme.Parameter("h2-count-month").At(ev.AsOf).Value));
        }

        ev.Output("perChildSubsidy", perChild);
        ev.Output("rentSubsidy", rent);
        ev.Output("preschoolAid", aid);
        ev.Output("total", total);
        ev.Output("unit", "元/年");
        ev.Output("publicityEarliestEnd", publicityEnd);
    }

    private static decimal Yearly(Evaluation ev)
    {
        var amount = ev.Number("children") * ev.P("per-child") * ev.P("months");
        ev.Step("全年 = 在园儿童数 × 生均标准 × 月数", amount, "元");
        return amount;
    }

    /// <summary>第五条第3项: 第一、二季度 by the count at the end of last September, 第三、四季度 by this March's.</summary>
    private static decimal Quarterly(Evaluation ev)
    {
        var rate = ev.P("per-child");
        var quarterMonths = ev.P("months") / 4;
        var year = ev.In.Has("year") ? (int)ev.Number("year") : ev.AsOf.Year;
        var h1 = ev.Number("childrenLastSeptember");
        var h2 = ev.Number("childrenThisMarch");
        var h1Date = CountDate(year - 1, ev.P("h1-count-month"));
        var h2Date = CountDate(year, ev.P("h2-count-month"));
        var quarter1 = h1 * rate * quarterMonths;
        var quarter3 = h2 * rate * quarterMonths;
        ev.Step($"第一、二季度各 = {TraceStep.Format(h1)} 人({h1Date}末核定) × {TraceStep.Format(rate)} × {TraceStep.Format(quarterMonths)} 月", quarter1, "元");
        ev.Step($"第三、四季度各 = {TraceStep.Format(h2)} 人({h2Date}末核定) × {TraceStep.Format(rate)} × {TraceStep.Format(quarterMonths)} 月", quarter3, "元");
        ev.Output("quarterlyPayments", (IReadOnlyList<string>)[.. new[] { quarter1, quarter1, quarter3, quarter3 }.Select((q, i) => $"第{"一二三四"[i]}季度 {TraceStep.Format(q)} 元")]);
        return 2 * quarter1 + 2 * quarter3;
    }

    /// <summary>The children the rent area limit is computed for: the yearly count, or the larger quarterly count.</summary>
    private static decimal RentChildren(ValidatedInputs inputs) => inputs.Has("children")
        ? inputs.Number("children")
        : Math.Max(inputs.Number("childrenLastSeptember"), inputs.Number("childrenThisMarch"));

    private static string CountDate(int year, decimal month) =>
        new DateOnly(year, (int)month, DateTime.DaysInMonth(year, (int)month)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
