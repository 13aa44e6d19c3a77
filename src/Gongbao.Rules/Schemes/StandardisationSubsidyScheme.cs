using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Schemes;

/// <summary>
/// 实施首都标准化战略补助资金管理办法, 京市监发〔2024〕52号: the subsidy a unit may receive in one year for
/// standard projects (第十一条), demonstration/pilot projects (第十五条), international participation
/// (第十九条), overseas application (第二十一条), the standard innovation award (第二十四条) and standard
/// conversion (第二十七条), with the per-unit annual caps (第十二条, 第二十条, 第二十八条) and the
/// exclusions (第三十条, 第三十六条). Amounts are the maxima of 择优 selection, in 万元.
/// </summary>
public sealed class StandardisationSubsidyScheme : Scheme
{
    private static readonly (string Key, string Label)[] StandardKinds =
    [
        ("international", "国际标准"),
        ("national", "国家标准"),
        ("industry", "行业标准"),
        ("local", "本市地方标准"),
        ("group", "团体标准"),
    ];

    private static readonly (string Key, string Label)[] Exclusions =
    [
        ("not-eligible", "不符合本办法规定的条件"),
        ("already-funded", "申报补助资金的项目已经获得本市市级财政资金支持"),
        ("incomplete-materials", "提供的材料不齐全"),
        ("false-materials", "材料弄虚作假"),
        ("investigated", "近两年内因标准或质量问题被执法部门查处，或正在接受调查"),
        ("dishonesty-list", "被列入严重违法失信名单"),
    ];


    public override string Id => "standardisation-subsidy";

    public override string Title => "实施首都标准化战略补助资金";

    public override string DocumentId => "jingshijianfa-2024-52";

    public override string DocumentNumber => "京市监发〔2024〕52号";

    public override string SourceFile => "2024-31.txt";

    public override string Decides => "maximum standardisation subsidy per category and in total (万元), with annual caps and exclusions";

    public override InputSchema Inputs { get; } = new(
    [
        new InputField
        {
            Name = "applicantType", Label = "申报单位类型", Type = InputType.Choice, Required = true,
            Options = [new("enterprise-or-other", "企业或其他单位"), new("administrative-organ", "行政机关"), new("public-welfare-class-1", "公益一类事业单位")],
        },
        new InputField
        {
            Name = "exclusions", Label = "不予经费支持的情形(第三十条)", Type = InputType.ChoiceSet,
            Options = [.. Exclusions.Select(e => new InputOption(e.Key, e.Label))], Help = "不填视为无",
        },
        new InputField
        {
            Name = "standardProjects", Label = "标准项目(类型-档次, 可重复; 京津冀协同加 -jjj)", Type = InputType.ChoiceList,
            Options = [.. StandardKinds.SelectMany(k => Enumerable.Range(1, 3).SelectMany(t => new[]
            {
                new InputOption($"{k.Key}-{t}", $"{k.Label}第{t}档"),
                new InputOption($"{k.Key}-{t}-jjj", $"{k.Label}第{t}档(京津冀区域协同)"),
            }))],
        },
        new InputField
        {
            Name = "demonstrationProjects", Label = "标准化示范试点项目(第十五条)", Type = InputType.ChoiceList,
            Options =
            [
                new("national-rule", "国家有明确补助规定的项目"), new("demo-national", "国家级示范"), new("pilot-national", "国家级试点"),
                new("demo-municipal", "市级示范"), new("pilot-municipal", "市级试点"),
                new("demo-national-jjj", "国家级示范(京津冀)"), new("pilot-national-jjj", "国家级试点(京津冀)"),
                new("demo-municipal-jjj", "市级示范(京津冀)"), new("pilot-municipal-jjj", "市级试点(京津冀)"),
            ],
        },
        new InputField
        {
            Name = "internationalPosts", Label = "新承担秘书处或新任主席、副主席(第十九条)", Type = InputType.ChoiceList,
            Options =
            [
                new("secretariat-tc", "国际标准组织或技术委员会秘书处"), new("secretariat-sc", "分技术委员会秘书处"),
                new("chair-tc", "国际标准组织或技术委员会主席"), new("vice-chair-tc-or-chair-sc", "国际标准组织或技术委员会副主席、分技术委员会主席"),
                new("vice-chair-sc", "分技术委员会副主席"),
            ],
        },
        new InputField { Name = "overseasApplication", Label = "推动标准海外示范应用(第二十一条)", Type = InputType.Boolean },
        new InputField
        {
            Name = "innovationAwards", Label = "上一届中国标准创新贡献奖标准项目奖(第二十四条)", Type = InputType.ChoiceList,
            Options = [new("award-1", "一等奖"), new("award-2", "二等奖"), new("award-3", "三等奖")],
        },
        new InputField
        {
            Name = "conversions", Label = "标准转化立项(第二十七条)", Type = InputType.ChoiceList,
            Options = [new("conversion-international", "转化为国际标准立项"), new("conversion-national", "转化为国家标准立项")],
        },
        new InputField { Name = "publicityStart", Label = "公示开始日期(第七条)", Type = InputType.Date },
    ]);

    protected override void Compute(Evaluation ev)
    {
        var eligible = true;
        using (var s = ev.Open("申报资格(第三十条, 第三十六条)"))
        {
            if (ev.Choice("applicantType") != "enterprise-or-other")
            {
                ev.Apply("not-for-authorities");
                eligible = false;
            }

            foreach (var e in ev.Set("exclusions"))
            {
                ev.Apply("exclusion-" + e);
                eligible = false;
            }

            s.Result(eligible);
        }

        var notComputed = new List<string>();
        decimal standards = 0, demos = 0, international = 0, overseas = 0, awards = 0, conversions = 0;
        if (eligible)
        {
            using (var s = ev.Open("标准项目补助(第十一条, 第十二条)"))
            {
                foreach (var project in ev.Set("standardProjects"))
                {
                    var jjj = project.EndsWith("-jjj", StringComparison.Ordinal);
                    var amount = ev.P("standard-" + (jjj ? project[..^4] : project));
                    if (jjj)
                    {
                        amount += ev.P("standard-jjj-extra");
                    }

                    ev.Step(project, amount, "万元");
                    standards += amount;
                }

                standards = ev.Cap(standards, "standard-annual-cap", "年度上限");
                s.Result(standards);
            }

            using (var s = ev.Open("标准化示范试点活动补助(第十五条)"))
            {
                foreach (var project in ev.Set("demonstrationProjects"))
                {
                    if (project == "national-rule")
                    {
                        ev.Apply("national-rule");
                        notComputed.Add("国家有明确规定的示范试点项目: 按国家规定执行");
                        continue;
                    }

                    var jjj = project.EndsWith("-jjj", StringComparison.Ordinal);
                    var amount = ev.P(jjj ? project[..^4] : project);
                    if (jjj)
                    {
                        amount += ev.P("demo-jjj-extra");
                    }

                    ev.Step(project, amount, "万元");
                    demos += amount;
                }

                s.Result(demos);
            }

            using (var s = ev.Open("参与国际标准组织补助(第十九条, 第二十条)"))
            {
                international = ev.Cap(SumOfChosen(ev, "internationalPosts"), "international-annual-cap", "年度上限");
                s.Result(international);
            }

            if (ev.Flag("overseasApplication"))
            {
                overseas = ev.P("overseas");
            }

            using (var s = ev.Open("中国标准创新贡献奖标准项目奖补助(第二十四条)"))
            {
                awards = SumOfChosen(ev, "innovationAwards");
                s.Result(awards);
            }

            using (var s = ev.Open("标准转化补助(第二十七条, 第二十八条)"))
            {
                conversions = ev.Cap(SumOfChosen(ev, "conversions"), "conversion-annual-cap", "年度上限");
                s.Result(conversions);
            }
        }

        var total = standards + demos + international + overseas + awards + conversions;
        ev.Step("合计(最高可获补助)", total, "万元");

        string? publicityEnd = null;
        if (ev.In.DateOrNull("publicityStart") is { } start)
        {
            ev.ShowInput("publicityStart");
            var end = WorkingDayCalendar.ChinaMainland.AddWorkingDays(start, (int)ev.P("publicity-working-days"));
            publicityEnd = end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            ev.Step("公示期最后一日", publicityEnd);
        }

        ev.Output("eligible", eligible);
        ev.Output("standardProjects", standards);
        ev.Output("demonstrationProjects", demos);
        ev.Output("internationalParticipation", international);
        ev.Output("overseasApplication", overseas);
        ev.Output("innovationAwards", awards);
        ev.Output("conversions", conversions);
        ev.Output("total", total);
        ev.Output("unit", "万元");
        ev.Output("notComputed", (IReadOnlyList<string>)notComputed);
        ev.Output("publicityEnds", publicityEnd);
    }

    // Each chosen option of a set input is a parameter (its amount in 万元): their sum, each traced.
    private static decimal SumOfChosen(Evaluation ev, string setInput) => ev.Set(setInput).Sum(ev.P);
}
