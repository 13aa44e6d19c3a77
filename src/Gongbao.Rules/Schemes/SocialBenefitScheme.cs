using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Schemes;

/// <summary>
/// 北京市国有广播电视节目制作企业社会效益评价考核实施方案, 京广电发〔2021〕17号: the 100-point social-benefit
/// score (作品创作生产 20, 受众反应和社会影响 60, 内部制度和队伍建设 20; 附件1/附件2), the four grades, the
/// political-direction veto and the consequences of each grade (六、评价考核结果的使用).
/// </summary>
public sealed class SocialBenefitScheme : Scheme
{
    public override string Id => "social-benefit";

    public override string Title => "北京市国有广播电视节目制作企业社会效益评价考核";

    public override string DocumentId => "jingguangdianfa-2021-17";

    public override string DocumentNumber => "京广电发〔2021〕17号";

    public override string SourceFile => "2021-40.txt";

    public override string Decides => "social-benefit score out of 100, grade 优秀/良好/合格/不合格 and its consequences";

    public override InputSchema Inputs { get; } = new(
    [
        new InputField { Name = "independentWorks", Label = "年度内独立完成并取得许可证的作品部数", Type = InputType.Integer, Required = true, Min = 0, Max = 1000, Unit = "部" },
        new InputField { Name = "cooperativeWorks", Label = "合作投资、拍摄的电视剧、动画片或纪录片部数", Type = InputType.Integer, Required = true, Min = 0, Max = 1000, Unit = "部" },
        new InputField { Name = "programmeHours", Label = "独立或合作完成电视节目或网络视听节目时长", Type = InputType.Number, Required = true, Min = 0, Max = 100000, Unit = "小时" },
        new InputField { Name = "independentAds", Label = "独立完成公益广告部数", Type = InputType.Integer, Required = true, Min = 0, Max = 1000, Unit = "部" },
        new InputField { Name = "cooperativeAds", Label = "合作完成公益广告部数", Type = InputType.Integer, Required = true, Min = 0, Max = 1000, Unit = "部" },
        new InputField { Name = "awardPoints", Label = "评选获奖加分(五个一工程等)", Type = InputType.Number, Min = 0, Max = 10, Unit = "分", Help = "不填视为 0" },
        new InputField { Name = "dissemination", Label = "作品国内外传播情况", Type = InputType.Number, Required = true, Min = 5, Max = 20, Unit = "分" },
        new InputField { Name = "publicEvaluation", Label = "正面宣传、专家评价、政府奖项", Type = InputType.Number, Required = true, Min = 5, Max = 20, Unit = "分" },
        new InputField { Name = "socialResponsibility", Label = "社会公益、履行社会责任", Type = InputType.Number, Required = true, Min = 5, Max = 20, Unit = "分" },
        new InputField { Name = "governance", Label = "企业决策机制健全", Type = InputType.Number, Required = true, Min = 1, Max = 4, Unit = "分" },
        new InputField { Name = "contentBodies", Label = "专门机构、人员履行内容导向职责", Type = InputType.Number, Required = true, Min = 1, Max = 4, Unit = "分" },
        new InputField { Name = "socialBenefitSystem", Label = "社会效益首位制度及考核", Type = InputType.Number, Required = true, Min = 1, Max = 4, Unit = "分" },
        new InputField { Name = "training", Label = "员工培训制度, 主管人员资质", Type = InputType.Number, Required = true, Min = 1, Max = 4, Unit = "分" },
        new InputField { Name = "responsibilityReport", Label = "社会责任报告", Type = InputType.Number, Required = true, Min = 1, Max = 4, Unit = "分" },
        new InputField { Name = "politicalProblem", Label = "政治方向和导向出现问题或严重违反法律法规", Type = InputType.Boolean, Help = "不填视为否" },
        new InputField { Name = "excellentPreviousTwoYears", Label = "前两年均为优秀", Type = InputType.Boolean, Help = "不填视为否" },
    ]);

    protected override void Compute(Evaluation ev)
    {
        decimal production;
        using (var s = ev.Open("一、作品创作生产(附件2)"))
        {
            decimal works;
            using (var w = ev.Open("1. 影视作品"))
            {
                var independent = WorkLine(ev, ev.Number("independentWorks"), "work-base");
                var cooperative = WorkLine(ev, ev.Number("cooperativeWorks"), "coop-work-base");
                works = Math.Max(independent, cooperative);
                w.Result(works);
            }

            decimal hours;
            using (var h = ev.Open("2. 节目时长"))
            {
                var given = ev.Number("programmeHours");
                var standard = ev.P("programme-hours");
                var points = ev.P("programme-points");
                hours = ev.Meets(given, "programme-hours", "时长达标")
                    ? points
                    : given * points / standard;
                h.Result(hours);
            }

            decimal ads;
            using (var a = ev.Open("3. 公益广告"))
            {
                var independent = ev.Number("independentAds");
                var independentPoints = ev.Meets(independent, "ad-full-count", "独立公益广告部数")
                    ? ev.P("ad-full-points")
                    : independent * ev.P("ad-points");
                var cooperative = ev.Number("cooperativeAds") * ev.P("coop-ad-points");
                ads = Math.Min(independentPoints + cooperative, ev.P("ad-full-points"));
                a.Result(ads);
            }

            decimal awards;
            using (var b = ev.Open("评选获奖加分"))
            {
                awards = Math.Min(ev.Number("awardPoints", 0), ev.P("award-cap"));
                b.Result(awards);
            }

            var sum = works + hours + ads + awards;
            ev.Step("小计(未封顶)", sum, "分");
            production = Math.Min(sum, ev.P("production-cap"));
            s.Result(production);
        }

        decimal audience;
        using (var s = ev.Open("二、受众反应和社会影响(附件1, 附件2)"))
        {
            ev.P("audience-item-min");
            ev.P("audience-item-max");
            audience = ev.Number("dissemination") + ev.Number("publicEvaluation") + ev.Number("socialResponsibility");
            ev.P("audience-max");
            s.Result(audience);
        }

        decimal internalScore;
        using (var s = ev.Open("三、内部制度和队伍建设(附件2)"))
        {
            ev.P("internal-item-min");
            ev.P("internal-item-max");
            internalScore = ev.Number("governance") + ev.Number("contentBodies") + ev.Number("socialBenefitSystem")
                + ev.Number("training") + ev.Number("responsibilityReport");
            ev.P("internal-max");
            s.Result(internalScore);
        }

        var total = production + audience + internalScore;
        ev.Step("总得分 = 作品创作生产 + 受众反应和社会影响 + 内部制度和队伍建设", total, "分");

        string grade;
        using (var s = ev.Open("等次评定(四、评价考核内容和等级评定)"))
        {
            grade = ev.Meets(total, "excellent-min", "优秀") ? "优秀"
                : ev.Meets(total, "good-min", "良好") ? "良好"
                : ev.Meets(total, "pass-min", "合格") ? "合格"
                : "不合格";
            if (ev.Flag("politicalProblem"))
            {
                ev.Apply("veto");
                grade = "不合格";
            }

            s.Result(grade);
        }

        var consequences = new List<string>();
        using (var s = ev.Open("评价考核结果的使用(六)"))
        {
            consequences.Add(ev.Apply("pay-reference").Label);
            ev.P("pay-weight-min");
            if (grade == "不合格")
            {
                consequences.Add(ev.Apply("fail-consequence").Label);
            }

            if (ev.In.Flag("politicalProblem"))
            {
                consequences.Add(ev.Apply("veto-consequence").Label);
            }

            if (grade == "优秀")
            {
                consequences.Add(ev.Apply("excellent-consequence").Label);
                if (ev.Flag("excellentPreviousTwoYears"))
                {
                    consequences.Add(ev.Apply("three-years-excellent").Label);
                }
            }

            s.Result(consequences.Count);
        }

        ev.Output("productionScore", production);
        ev.Output("audienceScore", audience);
        ev.Output("internalScore", internalScore);
        ev.Output("total", total);
        ev.Output("grade", grade);
        ev.Output("consequences", (IReadOnlyList<string>)consequences);
    }

    private static decimal WorkLine(Evaluation ev, decimal count, string baseParameter)
    {
        if (count <= 0)
        {
            return 0;
        }

        var basePoints = ev.P(baseParameter);
        var extra = Math.Min((count - 1) * ev.P("work-increment"), ev.P("work-increment-cap"));
        var line = basePoints + extra;
        ev.Step($"{TraceStep.Format(count)} 部: 基本分 + 增加部数加分", line, "分");
        return line;
    }
}
