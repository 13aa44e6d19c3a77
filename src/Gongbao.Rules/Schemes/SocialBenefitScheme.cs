using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Schemes;

/// <summary>
/// 北京市国有广播电视节目制作企业社会效益评价考核实施方案, 京广电发〔2021〕17号: the 100-point social-benefit
/// score (作品创作生产 20, 受众反应和社会影响 60, 内部制度和队伍建设 20; 附件1/附件2), the four grades, the
/// political-direction veto and the consequences of each grade (六、评价考核结果的使用).
/// </summary>
public sealed class SocialBenefitScheme : Scheme
{
    private const string Plan = "inst-1";
    private const string Grading = Plan + "/div-4";
    private const string Sections = Grading + "/para-6";
    private const string Bands = Grading + "/para-7";
    private const string Veto = Grading + "/para-8";
    private const string Use = Plan + "/div-6";
    private const string Pay = Use + "/para-1";
    private const string Fail = Use + "/para-2";
    private const string Excellent = Use + "/para-3";
    private const string Table = Plan + "/annex-2/table-1";
    private const string WorksRow = Table + "/row-2";
    private const string HoursRow = Table + "/row-3";
    private const string AdsRow = Table + "/row-4";
    private const string AudienceRow = Table + "/row-5";
    private const string InternalRow = Table + "/row-6";

    public SocialBenefitScheme()
    {
        Param("production-max", "作品创作生产满分", 20, "分", Sections, "作品创作生产 20 分");
        Param("audience-max", "受众反应和社会影响满分", 60, "分", Sections, "受众反应和社会影响 60 分");
        Param("internal-max", "内部制度和队伍建设满分", 20, "分", Sections, "内部制度和队伍建设 20 分");
        Param("excellent-min", "优秀等次下限", 90, "分", Bands, "90 分(含)以上为优秀等次");
        Param("good-min", "良好等次下限", 75, "分", Bands, "75 分(含)至 90 分为良好等次");
        Param("pass-min", "合格等次下限", 60, "分", Bands, "60 分(含)至 75 分为合格等次");
        Param("fail-below", "不合格: 低于", 60, "分", Bands, "60 分以下为不合格等次");
        Param("production-cap", "作品创作生产总分(含加分)", 20, "分", WorksRow, "此项总分 20 分(含)加分");
        Param("work-base", "独立完成作品基本分", 15, "分", WorksRow, "每部最高得基本分 15 分");
        Param("work-increment", "每增加 1 部加分", 2, "分", WorksRow, "每增加 1 部，加 2 分");
        Param("work-increment-cap", "增加部数加分上限", 5, "分", WorksRow, "最高不超过 5 分");
        Param("coop-work-base", "合作投资、拍摄作品基本分", 10, "分", WorksRow, "每部最高得基本分 10 分");
        Param("programme-hours", "节目时长标准", 50, "小时", HoursRow, "50 小时(含)以上");
        Param("programme-points", "节目时长达标得分", 15, "分", HoursRow, "按 50 小时/15 分的比例折算分");
        Param("ad-points", "独立完成公益广告每部", 3.5m, "分", AdsRow, "独立完成公益广告 3.5 分");
        Param("ad-full-count", "公益广告满分部数", 3, "部", AdsRow, "3 部(含)以上计 10 分");
        Param("ad-full-points", "公益广告 3 部(含)以上得分", 10, "分", AdsRow, "3 部(含)以上计 10 分");
        Param("coop-ad-points", "合作完成公益广告每部", 2, "分", AdsRow, "合作完成公益广告一部计 2 分");
        Param("award-cap", "评选获奖加分累计上限", 10, "分", WorksRow, "累计不超 10 分");
        Param("audience-item-min", "受众反应各二级指标最低分", 5, "分", AudienceRow, "5—20 分");
        Param("audience-item-max", "受众反应各二级指标最高分", 20, "分", Plan + "/annex-1/table-1/row-6", "(此项最高20分)");
        Param("internal-item-min", "内部制度各项最低分", 1, "分", InternalRow, "1—4 分");
        Param("internal-item-max", "内部制度各项最高分", 4, "分", InternalRow, "1—4 分");
        Param("pay-weight-min", "绩效薪酬中考核占比权重不低于", 50, "%", Pay, "不低于50%");

        Rule("veto", "政治方向和导向出现问题或严重违法违规: 直接确定为不合格", Veto, "社会效益评价考核直接确定为不合格");
        Rule("veto-consequence", "主管主办单位予以通报批评, 并追究企业负责人责任", Fail, "主管主办单位予以通报批评,并追究企业负责人责任");
        Rule("fail-consequence", "对企业负责人诫勉谈话, 限期整改, 取消当年度评奖推优评选资格", Fail, "主管主办单位对企业负责人予以诫勉谈话,并限期整改,取消当年度该企业各类评奖推优活动的评选资格");
        Rule("excellent-consequence", "年度各项评比表彰和奖励扶持中予以优先考虑", Excellent, "主管主办单位对企业在参加年度各项评比表彰和各种奖励扶持中予以优先考虑");
        Rule("three-years-excellent", "连续三年考核优秀: 评奖推优、项目申请等方面适当倾斜支持", Excellent, "连续三年考核优秀的,相关管理部门在评奖推优、项目申请等方面予以适当倾斜支持");
        Rule("pay-reference", "负责人绩效薪酬和工资总额应参考考核结果", Pay, "应参考社会效益评价考核结果,且考核占比权重不低于50%");

        Interpret("作品创作生产 works (附件2 row 1, garbled in print): an independently completed licensed work earns the base 15 分, a co-invested/co-produced one 10 分; each further work adds 2 分, the additions capped at 5 分; the better of the independent and the cooperative line counts (they reward the same output).",
            WorksRow, "每部最高得基本分 10 分，每增加 1 部，加 2 分，最高不超过 5 分");
        Interpret("Programme hours: 50 hours or more earn 15 分; fewer are pro-rated at 15 分 per 50 hours (hours × 15 / 50).", HoursRow, "按 50 小时/15 分的比例折算分");
        Interpret("Public-service ads: independent ads 3.5 分 each, 3 or more independent ads 10 分; cooperative ads 2 分 each; the ad line never exceeds 10 分 (the value printed for 3 or more).",
            AdsRow, "3 部(含)以上计 10 分");
        Interpret("Award bonuses (五个一工程 etc.) are an input, capped at 10 分 cumulatively; the per-award points are illegible in the printed table.", WorksRow, "累计不超 10 分");
        Interpret("The whole 作品创作生产 line, bonuses included, is capped at 20 分 (此项总分 20 分(含)加分); the three 受众反应 items are scored by the assessor within their printed band 5—20 分 and the five 内部制度 items within 1—4 分, so out-of-band inputs are rejected.",
            WorksRow, "此项总分 20 分(含)加分");
        Interpret("\"75 分(含)至 90 分\" is read as [75, 90): 90 is 优秀 by the (含) of the previous band.", Bands, "90 分(含)以上为优秀等次");
    }

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
        new InputField { Name = "awardPoints", Label = "评选获奖加分(五个一工程等)", Type = InputType.Number, Min = 0, Max = 10, Unit = "分", Help = "absent: 0" },
        new InputField { Name = "dissemination", Label = "作品国内外传播情况", Type = InputType.Number, Required = true, Min = 5, Max = 20, Unit = "分" },
        new InputField { Name = "publicEvaluation", Label = "正面宣传、专家评价、政府奖项", Type = InputType.Number, Required = true, Min = 5, Max = 20, Unit = "分" },
        new InputField { Name = "socialResponsibility", Label = "社会公益、履行社会责任", Type = InputType.Number, Required = true, Min = 5, Max = 20, Unit = "分" },
        new InputField { Name = "governance", Label = "企业决策机制健全", Type = InputType.Number, Required = true, Min = 1, Max = 4, Unit = "分" },
        new InputField { Name = "contentBodies", Label = "专门机构、人员履行内容导向职责", Type = InputType.Number, Required = true, Min = 1, Max = 4, Unit = "分" },
        new InputField { Name = "socialBenefitSystem", Label = "社会效益首位制度及考核", Type = InputType.Number, Required = true, Min = 1, Max = 4, Unit = "分" },
        new InputField { Name = "training", Label = "员工培训制度, 主管人员资质", Type = InputType.Number, Required = true, Min = 1, Max = 4, Unit = "分" },
        new InputField { Name = "responsibilityReport", Label = "社会责任报告", Type = InputType.Number, Required = true, Min = 1, Max = 4, Unit = "分" },
        new InputField { Name = "politicalProblem", Label = "政治方向和导向出现问题或严重违反法律法规", Type = InputType.Boolean, Help = "absent: false" },
        new InputField { Name = "excellentPreviousTwoYears", Label = "前两年均为优秀", Type = InputType.Boolean, Help = "absent: false" },
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
                hours = ev.Compare(given, "50 小时(含)以上", standard, "时长达标")
                    ? points
                    : Math.Round(given * points / standard, 2, MidpointRounding.AwayFromZero);
                h.Result(hours);
            }

            decimal ads;
            using (var a = ev.Open("3. 公益广告"))
            {
                var independent = ev.Number("independentAds");
                var independentPoints = ev.Compare(independent, "3 部(含)以上", ev.P("ad-full-count"), "独立公益广告部数")
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
