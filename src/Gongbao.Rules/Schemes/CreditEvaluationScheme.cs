using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Schemes;

/// <summary>
/// 北京市规划自然资源领域信用评价及分级分类监管工作管理办法(试行), 京规自发〔2024〕122号: the credit score
/// (initial score by national grade + indicator points, range [350,950]), the four grades, the fuse
/// rules that force 差(D), the measures each grade triggers, and the 5-working-day data entry deadline.
/// </summary>
public sealed class CreditEvaluationScheme : Scheme
{
    private static readonly (string Value, string Label)[] FuseEvents =
    [
        ("serious-dishonesty-list", "列入国家“严重失信主体名单”"),
        ("major-safety-accident", "发生重大安全事故"),
        ("refuses-penalty-decision", "拒不履行市规划自然资源委下发处罚决定"),
        ("unfulfilled-or-false-commitment", "行政许可申请人未履行承诺或做出虚假承诺"),
        ("qualification-revoked", "受到市规划自然资源委吊销资质、资格处罚"),
        ("false-evidence", "提供虚假证明、证据材料"),
        ("other-serious-violation", "其他严重违反法律法规规定"),
    ];


    public override string Id => "credit-evaluation";

    public override string Title => "北京市规划自然资源领域信用评价及分级分类监管";

    public override string DocumentId => "jingguizifa-2024-122";

    public override string DocumentNumber => "京规自发〔2024〕122号";

    public override string SourceFile => "2024-31.txt";

    public override string Decides => "credit score, grade A/B/C/D, fuse, supervision and application measures, data entry deadline";

    public override InputSchema Inputs { get; } = new(
    [
        new InputField
        {
            Name = "nationalGrade", Label = "国家信用评价等级", Type = InputType.Choice, Required = true,
            Options = [new("excellent", "优"), new("good", "良"), new("medium", "中"), new("poor", "差"), new("none", "未有国家信用评价等级")],
        },
        new InputField { Name = "commonBonus", Label = "通用指标加分", Type = InputType.Number, Required = true, Min = 0, Max = 50, Unit = "分" },
        new InputField { Name = "commonDeduction", Label = "通用指标减分", Type = InputType.Number, Required = true, Min = 0, Max = 100, Unit = "分" },
        new InputField { Name = "industryBonus", Label = "行业指标加分", Type = InputType.Number, Required = true, Min = 0, Max = 100, Unit = "分" },
        new InputField { Name = "industryDeduction", Label = "行业指标减分", Type = InputType.Number, Required = true, Min = 0, Max = 350, Unit = "分" },
        new InputField
        {
            Name = "fuseEvents", Label = "评价周期内的失信行为(第十六条)", Type = InputType.ChoiceSet,
            Options = [.. FuseEvents.Select(e => new InputOption(e.Value, e.Label))], Help = "不选或不填视为无",
        },
        new InputField { Name = "heavierPenalties", Label = "较重行政处罚次数(第十六条第六项)", Type = InputType.Integer, Min = 0, Max = 1000, Unit = "次", Help = "不填视为 0" },
        new InputField { Name = "actionDate", Label = "行政行为作出日期(第八条, 计算填报期限)", Type = InputType.Date },
    ]);

    protected override void Compute(Evaluation ev)
    {
        var grade = ev.Choice("nationalGrade");
        decimal initial;
        using (var s = ev.Open("初始分值(第十三条)"))
        {
            if (grade == "none")
            {
                ev.Apply("no-national-grade");
            }

            initial = ev.P(grade switch
            {
                "excellent" => "initial-excellent",
                "good" => "initial-good",
                "poor" => "initial-poor",
                _ => "initial-medium",
            });
            s.Result(initial);
        }

        decimal score;
        using (var s = ev.Open("信用评价分值 = 初始分值 + 加分 − 减分, 限于[350,950](第十一条)"))
        {
            var bonus = Points(ev, "commonBonus", "common-bonus-max") + Points(ev, "industryBonus", "industry-bonus-max");
            var deduction = Points(ev, "commonDeduction", "common-deduction-max") + Points(ev, "industryDeduction", "industry-deduction-max");
            var raw = initial + bonus - deduction;
            ev.Step("未限定分值", raw, "分");
            score = Math.Clamp(raw, ev.P("score-min"), ev.P("score-max"));
            s.Result(score);
        }

        string byScore;
        using (var s = ev.Open("按分值评定等级(第十四条)"))
        {
            byScore = ev.Meets(score, "grade-a-min", "优(A)") ? "A"
                : ev.Meets(score, "grade-b-min", "良(B)") ? "B"
                : ev.Meets(score, "grade-c-min", "中(C)") ? "C"
                : "D";
            if (byScore == "D")
            {
                ev.P("grade-d-range-min");
            }

            s.Result(byScore);
        }

        var fused = new List<string>();
        using (var s = ev.Open("熔断机制(第十六条)"))
        {
            foreach (var e in ev.Set("fuseEvents"))
            {
                ev.Apply("fuse-" + e);
                fused.Add(e);
            }

            var penalties = ev.Number("heavierPenalties", 0);
            if (ev.Meets(penalties, "heavier-penalties-fuse", "较重行政处罚次数"))
            {
                ev.Apply("fuse-heavier-penalties");
                fused.Add("two-or-more-heavier-penalties");
            }

            if (fused.Count > 0)
            {
                ev.Apply("fuse");
            }

            s.Result(fused.Count > 0);
        }

        var final = fused.Count > 0 ? "D" : byScore;
        ev.Step("信用等级", final + " " + GradeName(final));
        ev.Apply("nine-levels", "sub-level thresholds not defined in the text");

        var supervision = ApplyMeasures(ev, final, "supervision", "分级分类监管措施(第二十二条)");
        var application = ApplyMeasures(ev, final, "application", "激励和惩戒应用(第二十三条)");
        ev.Apply("dispute-and-repair", "no time limit set");

        string? deadline = null;
        if (ev.In.DateOrNull("actionDate") is { } action)
        {
            using var s = ev.Open("信用数据填报期限(第八条第一项)");
            ev.ShowInput("actionDate");
            var days = (int)ev.P("data-entry-working-days");
            var calendar = WorkingDayCalendar.ChinaMainland;
            var last = calendar.AddWorkingDays(action, days);
            deadline = last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            ev.Step("节假日历", calendar.Source);
            foreach (var year in calendar.UnconfiguredYears(action, last))
            {
                ev.Step($"警告: {year} 年节假日未配置, 仅排除周末", year);
            }

            s.Result(deadline);
        }

        ev.Output("initialScore", initial);
        ev.Output("score", score);
        ev.Output("gradeByScore", byScore);
        ev.Output("fused", fused.Count > 0);
        ev.Output("fuseEvents", (IReadOnlyList<string>)fused);
        ev.Output("grade", final);
        ev.Output("gradeName", GradeName(final));
        ev.Output("supervisionMeasures", supervision);
        ev.Output("applicationMeasures", application);
        ev.Output("dataEntryDeadline", deadline);
    }

    private static decimal Points(Evaluation ev, string input, string cap)
    {
        var value = ev.Number(input);

        // The schema already rejects values above the cap; the cap is recorded for the trace.
        ev.P(cap);
        return value;
    }

    private IReadOnlyList<string> ApplyMeasures(Evaluation ev, string grade, string kind, string title)
    {
        using var s = ev.Open(title);
        var list = new List<string>();
        foreach (var clause in Clauses.Where(c => c.Name.StartsWith($"{kind}-{grade}-", StringComparison.Ordinal)))
        {
            ev.Apply(clause.Name);
            list.Add(clause.Label);
        }

        s.Result(list.Count);
        return list;
    }


    private static string GradeName(string grade) => grade switch
    {
        "A" => "优",
        "B" => "良",
        "C" => "中",
        _ => "差",
    };
}
