using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Schemes;

/// <summary>
/// 北京市未成年人家庭监护能力评估办法, 京民儿福发〔2024〕103号. The 办法 defines no score: its annex lists
/// reference indicators whose points carry ★★ (high risk) or ★ (medium risk) marks, all others being low
/// risk. The evaluation records the findings by risk level and the procedure the 办法 requires
/// (两名以上评估人员, a female assessor for a girl, hearing a child of eight or more, the written report,
/// the written notice, reporting suspected crimes to the police, no fees).
/// </summary>
public sealed class GuardianshipAssessmentScheme : Scheme
{
    /// <summary>Assessment points: (value, risk, table row of the annex, indicator path, point text as printed).</summary>
    private static readonly (string Value, string Risk, int Row, string Indicator, string Point)[] Points =
    [
        ("diet", "low", 2, "日常生活/饮食", "饮食是否正常,有无充足且营养的三餐"),
        ("clothing", "low", 3, "日常生活/着装", "是否有合适、干净的衣着"),
        ("housing", "low", 4, "日常生活/居住", "居住空间是否存在引发触电、烫伤、跌落等安全隐患"),
        ("physical-health", "low", 5, "健康情况/身体健康", "患病是否及时就医并得到有效照护"),
        ("diagnosed-mental-illness", "high", 6, "健康情况/心理健康", "★★是否被医疗机构诊断有心理疾病"),
        ("psychological-problems", "medium", 6, "健康情况/心理健康", "★是否有孤僻、自卑、暴躁、焦虑、抑郁等问题"),
        ("cognitive-development", "low", 6, "健康情况/心理健康", "是否符合该年龄段认知发展正常水平"),
        ("out-of-school", "high", 7, "教育情况/教育就学", "★★有无失学、辍学等问题"),
        ("education-unsuitable", "low", 7, "教育情况/教育就学", "是否在接受合适的教育"),
        ("rest-and-play", "low", 8, "教育情况/休息、娱乐和锻炼情况", "是否有网络沉迷情况"),
        ("self-protection", "low", 9, "安全情况/人身安全", "有无安全自护意识和自我保护能力"),
        ("injury-or-abuse", "high", 9, "安全情况/人身安全", "体表有无受到伤害、虐待的情况"),
        ("school-bullying", "medium", 9, "安全情况/人身安全", "★有无遭受校园霸凌的情况"),
        ("running-away", "medium", 9, "安全情况/人身安全", "★有无夜不归宿、离家出走的情况"),
        ("left-unattended", "high", 9, "安全情况/人身安全", "★★八周岁以下未成年人有无处于无人看护状态,未满十六周岁未成年人有无脱离监护单独生活的情况"),
        ("serious-misbehaviour", "high", 9, "安全情况/人身安全", "★★有无黄、赌、毒等不良行为或严重不良行为"),
        ("property-of-minor", "low", 10, "安全情况/财产安全", "未成年人财产是否得到妥善管理和保护"),
        ("minor-view-negative", "low", 11, "未成年人的意见/对监护人的主观感受", "对监护人的监护能力、自己被监护状况的感受和评价"),
        ("minor-unwilling", "low", 12, "未成年人的意见/被监护意愿", "是否愿意继续被监护人监护抚养"),
        ("guardian-unaware", "low", 13, "监护意愿/监护认知", "是否了解对未成年人负有的抚养、教育和保护义务等知识"),
        ("guardian-unwilling", "medium", 14, "监护意愿/监护态度", "★是否愿意承担监护责任"),
        ("guardian-neglect", "medium", 14, "监护意愿/监护态度", "★是否有怠于或疏于履行监护责任的情况"),
        ("guardian-disability", "low", 15, "生活保障能力/身体健康", "残疾、患病情况及对照料未成年人的影响程度"),
        ("guardian-mental-illness", "medium", 16, "生活保障能力/心理健康", "★是否患有精神类疾患"),
        ("guardian-criminal-record", "high", 17, "生活保障能力/遵纪守法", "★★有无违法犯罪纪录"),
        ("guardian-addiction", "medium", 17, "生活保障能力/遵纪守法", "★有无吸毒、酗酒、赌博、嫖娼、药物滥用等情况"),
        ("guardian-income", "low", 18, "生活保障能力/经济收入", "职业、收入能否满足日常生活需要"),
        ("guardian-daily-care", "low", 19, "生活保障能力/日常照料", "能否照料未成年人的衣、食、住、行、医等日常生活"),
        ("education-knowledge", "low", 20, "家庭教育能力/教育知识", "是否具有正确的家庭教育理念"),
        ("education-guarantee", "medium", 21, "家庭教育能力/教育保障", "★是否能保证未成年人接受普通教育或特殊教育"),
        ("education-guidance", "low", 22, "家庭教育能力/教育引导", "是否能预防或制止未成年人的不良行为、违法犯罪行为,并进行合理管教"),
        ("education-method", "low", 23, "家庭教育能力/教育方式", "对未成年人是否存在体罚、训斥、忽视或放纵、过分溺爱等行为"),
        ("marriage", "low", 24, "处理家庭关系能力/婚姻关系", "是否能维护和谐的婚姻关系"),
        ("parent-child", "low", 25, "处理家庭关系能力/亲子关系", "能否合理处理亲子矛盾冲突"),
        ("household", "low", 26, "处理家庭关系能力/家庭成员关系", "是否能维护家庭同住成员之间的和谐关系"),
        ("protection-person", "low", 27, "安全保护能力/人身安全", "是否能预防和保障未成年人免遭不法伤害或意外伤害等"),
        ("protection-property", "low", 28, "安全保护能力/财产安全", "是否能妥善管理和保护未成年人财产不受侵害"),
    ];


    public override string Id => "guardianship-assessment";

    public override string Title => "北京市未成年人家庭监护能力评估";

    public override string DocumentId => "jingminerfufa-2024-103";

    public override string DocumentNumber => "京民儿福发〔2024〕103号";

    public override string SourceFile => "2025-12.txt";

    public override string Decides => "findings by ★★/★ risk level (no score) and the procedural steps the assessment requires";

    public override InputSchema Inputs { get; } = new(
    [
        new InputField
        {
            Name = "findings", Label = "评估发现的问题(参考指标评估要点)", Type = InputType.ChoiceSet, Required = true,
            Options = [.. Points.Select(p => new InputOption(p.Value, $"{p.Indicator}: {p.Point}"))], Help = "不选表示未发现问题",
        },
        new InputField { Name = "minorAge", Label = "未成年人年龄", Type = InputType.Integer, Required = true, Min = 0, Max = 17, Unit = "周岁" },
        new InputField { Name = "minorFemale", Label = "女性未成年人", Type = InputType.Boolean, Required = true },
        new InputField { Name = "canExpressViews", Label = "不满八周岁但具备一定表达能力", Type = InputType.Boolean, Help = "不填视为否" },
        new InputField { Name = "suspectedCrime", Label = "发现严重伤害或严重侵犯合法权益、涉嫌违法犯罪", Type = InputType.Boolean, Help = "不填视为否" },
        new InputField { Name = "assessorCount", Label = "实地评估人员人数", Type = InputType.Integer, Min = 0, Max = 100, Unit = "人" },
        new InputField { Name = "femaleAssessor", Label = "配备女性评估人员", Type = InputType.Boolean },
    ]);

    protected override void Compute(Evaluation ev)
    {
        var byLevel = new Dictionary<string, List<string>> { ["high"] = [], ["medium"] = [], ["low"] = [] };
        using (var s = ev.Open("评估发现(附件 参考指标)"))
        {
            ev.Apply("risk-legend");
            foreach (var value in ev.Set("findings"))
            {
                var point = Points.First(p => p.Value == value);
                ev.Apply("point-" + value, RiskLabel(point.Risk));
                byLevel[point.Risk].Add($"{point.Indicator}: {point.Point}");
            }

            s.Result(byLevel.Values.Sum(l => l.Count));
        }

        var highest = byLevel["high"].Count > 0 ? "high" : byLevel["medium"].Count > 0 ? "medium" : byLevel["low"].Count > 0 ? "low" : "none";
        ev.Step("最高风险等级", RiskLabel(highest));

        var steps = new List<string>();
        var problems = new List<string>();
        using (var s = ev.Open("评估程序要求(第十条–第十六条)"))
        {
            steps.Add(ev.Apply("written-notice").Label);
            var minAssessors = ev.P("min-assessors");
            steps.Add($"实地评估人员不得少于{TraceStep.Format(minAssessors)}名");
            if (ev.In.Has("assessorCount") && !ev.Compare(ev.Number("assessorCount"), "不得少于两名人员", minAssessors, "评估人员人数"))
            {
                problems.Add("评估人员少于两名(第十一条)");
            }

            if (ev.Flag("minorFemale"))
            {
                steps.Add(ev.Apply("female-assessor").Label);
                if (ev.In.Has("femaleAssessor") && !ev.Flag("femaleAssessor"))
                {
                    problems.Add("未配备女性评估人员(第十一条)");
                }
            }

            steps.Add(ev.Apply("record").Label);
            if (ev.Compare(ev.Number("minorAge"), "满八周岁", ev.P("hearing-age"), "未成年人年龄"))
            {
                steps.Add(ev.Apply("hear-minor").Label);
            }
            else if (ev.Flag("canExpressViews"))
            {
                steps.Add(ev.Apply("may-hear-minor").Label);
            }

            steps.Add(ev.Apply("report").Label);
            if (highest != "none")
            {
                steps.Add(ev.Apply("notify-problems").Label);
            }

            if (ev.Flag("suspectedCrime"))
            {
                steps.Add(ev.Apply("report-police").Label);
            }

            steps.Add(ev.Apply("no-fees").Label);
            s.Result(steps.Count);
        }

        ev.Output("highestRisk", highest);
        ev.Output("highRiskFindings", (IReadOnlyList<string>)byLevel["high"]);
        ev.Output("mediumRiskFindings", (IReadOnlyList<string>)byLevel["medium"]);
        ev.Output("lowRiskFindings", (IReadOnlyList<string>)byLevel["low"]);
        ev.Output("requiredSteps", (IReadOnlyList<string>)steps);
        ev.Output("procedureProblems", (IReadOnlyList<string>)problems);
    }

    private static string RiskLabel(string risk) => risk switch
    {
        "high" => "★★ 高风险",
        "medium" => "★ 中风险",
        "low" => "低风险",
        _ => "未发现问题",
    };
}
