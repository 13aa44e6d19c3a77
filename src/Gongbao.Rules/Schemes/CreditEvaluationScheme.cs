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

    public CreditEvaluationScheme()
    {
        Param("score-min", "信用评价分值下限", 350, "分", "art-11/para-3", "[350,950]");
        Param("score-max", "信用评价分值上限", 950, "分", "art-11/para-3", "[350,950]");
        Param("scoring-range", "记分范围", 600, "分", "art-11/para-3", "记分范围为600分");
        Param("common-total", "通用指标分值", 150, "分", "art-11/para-4", "通用指标为150分");
        Param("common-bonus-max", "通用指标加分指标", 50, "分", "art-11/para-4", "其中加分指标50分");
        Param("common-deduction-max", "通用指标减分指标", 100, "分", "art-11/para-4", "减分指标100分");
        Param("industry-total", "行业指标分值", 450, "分", "art-11/para-5", "行业指标为450分");
        Param("industry-bonus-max", "行业指标加分指标", 100, "分", "art-11/para-5", "其中加分指标100分");
        Param("industry-deduction-max", "行业指标减分指标", 350, "分", "art-11/para-5", "减分指标350分");
        Param("initial-excellent", "初始分值: 国家信用评价等级优", 800, "分", "art-13", "优(800)");
        Param("initial-good", "初始分值: 国家信用评价等级良", 650, "分", "art-13", "良(650)");
        Param("initial-medium", "初始分值: 国家信用评价等级中", 500, "分", "art-13", "中(500)");
        Param("initial-poor", "初始分值: 国家信用评价等级差", 350, "分", "art-13", "差(350)");
        Param("grade-a-min", "优(A)级分值下限", 800, "分", "art-14/item-1/para-1", "800 分及以上");
        Param("grade-b-min", "良(B)级分值下限", 650, "分", "art-14/item-2/para-1", "650 分及以上");
        Param("grade-c-min", "中(C)级分值下限", 500, "分", "art-14/item-3/para-1", "500 分及以上");
        Param("grade-d-range-min", "差(D)级区间下限", 350, "分", "art-14/item-4", "[350,500)");
        Param("heavier-penalties-fuse", "熔断: 较重行政处罚次数", 2, "次", "art-16/item-6", "两次及以上");
        Param("data-entry-working-days", "信用数据填报时限", 5, "工作日", "art-8/item-1", "5个工作日内");
        Param("standard-comment-days", "评价标准征求意见期限", 15, "日", "art-12", "不少于15 日");

        Rule("no-national-grade", "未有国家信用评价等级的, 初始等级为中(C)级", "art-15", "评价对象未有国家信用评价等级的,初始等级原则上为中(C)级");
        Rule("nine-levels", "九级划分(A、A-、B+、B、B-、C+、C、C-、D)", "art-14", "划分为 A、A-、B+、B、B-、C+、C、C-、D 九级");
        Rule("fuse", "熔断: 直接定为差(D)级", "art-16", "直接定为差(D)级");
        Rule("fuse-serious-dishonesty-list", "列入国家“严重失信主体名单”", "art-16/item-1", "列入国家“严重失信主体名单”");
        Rule("fuse-major-safety-accident", "发生重大安全事故", "art-16/item-1", "“发生重大安全事故”");
        Rule("fuse-refuses-penalty-decision", "拒不履行市规划自然资源委下发处罚决定", "art-16/item-2", "拒不履行市规划自然资源委下发处罚决定的");
        Rule("fuse-unfulfilled-or-false-commitment", "行政许可申请人未履行承诺或做出虚假承诺", "art-16/item-3", "行政许可申请人未履行承诺或做出虚假承诺");
        Rule("fuse-qualification-revoked", "受到吊销资质、资格处罚", "art-16/item-4", "受到市规划自然资源委吊销资质、资格处罚的");
        Rule("fuse-false-evidence", "提供虚假证明、证据材料", "art-16/item-5", "提供虚假证明、证据材料的");
        Rule("fuse-heavier-penalties", "同一主体被给予两次及以上较重行政处罚", "art-16/item-6", "同一主体被市规划自然资源委给予两次及以上较重行政处罚的");
        Rule("fuse-other-serious-violation", "其他严重违反法律法规规定", "art-16/item-7", "其他严重违反法律法规规定的");
        Rule("dispute-and-repair", "异议处理及信用修复: 向信用中国(北京)或市规划自然资源委提出申请", "art-18", "可向信用中国(北京)或市规划自然资源委提出申请");

        Measures("A", "supervision", "art-22/item-1", "以自律为主、守信激励为原则",
            ("sub-1", "在日常监管中大幅减少检查比例、频次和内容"), ("sub-2", "国家或本市规定的其他激励措施"), ("sub-3", "业务部门确定的其他分级分类监管措施"));
        Measures("B", "supervision", "art-22/item-2", "以监管和自律兼顾、适度激励为原则",
            ("sub-1", "在日常监管中适当减少检查比例、频次和内容"), ("sub-2", "国家或本市规定的其他激励措施"), ("sub-3", "业务部门确定的其他分级分类监管措施"));
        Measures("C", "supervision", "art-22/item-3", "以监督督促、行业自律为原则", ("", "按照常规比例、频次及内容进行抽查"));
        Measures("D", "supervision", "art-22/item-4", "以强化监管、失信惩戒为原则",
            ("sub-1", "列为重点监管对象,增加监管频次,加强现场检查"), ("sub-2", "对失信行为进行惩戒"), ("sub-3", "国家或本市规定的其他惩戒措施"), ("sub-4", "业务部门确定的其他分级分类监管措施"));
        Measures("A", "application", "art-23/item-1", "可给予以下激励",
            ("sub-1", "评优评先时,在同等条件下优先考虑"), ("sub-2", "实施“容缺受理”等便利服务措施"), ("sub-3", "同等条件下优先考虑列为选择对象"),
            ("sub-4", "申报制定规划自然资源标准时,在同等条件下优先考虑"), ("sub-5", "业务部门确定的其他激励措施"));
        Measures("B", "application", "art-23/item-2", "给予以下激励",
            ("sub-1", "评优评先时,在同等条件下优先考虑"), ("sub-2", "实施一定程度的便利服务措施"), ("sub-3", "同等条件下优先考虑列为选择对象"), ("sub-4", "业务部门确定的其他激励措施"));
        Measures("C", "application", "art-23/item-3", "按常规流程开展",
            ("", "按常规流程开展评优评先、土地交易、行政审批、资质审核、政府采购和招标投标等服务"));
        Measures("D", "application", "art-23/item-4", "给予以下约束",
            ("sub-1", "评优评先时,依法实行限制性参评"), ("sub-2", "行政审批和资质审核时,作为审慎性参考依据"), ("sub-3", "政府采购和招标投标时,作为审慎性参考依据"), ("sub-4", "国家及本市规定的其他约束措施"));

        Interpret("Score = initial score (第十三条) + 通用/行业 bonus points − deduction points, each within its cap (第十一条), clamped to [350,950]. Indicator detail (附件1–3) is omitted (略) in the gazette, so points per indicator are inputs, not computed.",
            "art-11/para-3", "[350,950]");
        Interpret("A subject without a national grade starts at 中(C) (第十五条), so its initial score is the 中 base score 500 (第十三条).",
            "art-15", "初始等级原则上为中(C)级");
        Interpret("Grade bands are half-open [lower, upper): 第十四条(二) reads \"800 分以下\" and (一) \"800 分及以上\"; although 以下 normally includes the number, (四) writes the D band as [350,500) and a score cannot hold two grades, so 800 is A, 650 is B, 500 is C.",
            "art-14/item-4", "[350,500)");
        Interpret("The nine sub-levels (A、A-…D) have no thresholds in the text (附件6 is omitted), so only the four grades are computed.",
            "art-14", "九级");
        Interpret("A fuse event (第十六条) sets the grade to D whatever the score; the score is still reported.", "art-16", "直接定为差(D)级");
        Interpret("第十八条 sets no time limit for disputes (异议) or repair (修复); the only working-day deadline in the document is 第八条's 5 working days for entering data after an administrative action. The deadline excludes the action day (民法典第二百零一条) and uses the configured holiday calendar.",
            "art-8/item-1", "5个工作日内");
    }

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
            Options = [.. FuseEvents.Select(e => new InputOption(e.Value, e.Label))], Help = "empty or absent: none",
        },
        new InputField { Name = "heavierPenalties", Label = "较重行政处罚次数(第十六条第六项)", Type = InputType.Integer, Min = 0, Max = 1000, Unit = "次", Help = "absent: 0" },
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

    private void Measures(string grade, string kind, string item, string principle, params (string Sub, string Text)[] measures)
    {
        Rule($"{kind}-{grade}-0", principle, item, principle);
        for (var i = 0; i < measures.Length; i++)
        {
            var (sub, text) = measures[i];
            Rule($"{kind}-{grade}-{i + 1}", text, sub.Length == 0 ? item : $"{item}/{sub}", text);
        }
    }

    private static string GradeName(string grade) => grade switch
    {
        "A" => "优",
        "B" => "良",
        "C" => "中",
        _ => "差",
    };
}
