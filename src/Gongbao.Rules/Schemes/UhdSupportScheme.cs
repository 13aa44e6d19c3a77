using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Schemes;

/// <summary>
/// 北京市关于支持超高清视听产业高质量发展的若干措施, 京广发〔2024〕65号: the maximum yearly support for one
/// project under 第二条, 第三条, 第五条, 第六条 and 第七条 — a share of the investment (不超过30%) up to a cap.
/// </summary>
public sealed class UhdSupportScheme : Scheme
{
    private static readonly (string Key, string Article, string Label, decimal Cap, string CapQuote, string RateQuote)[] Measures =
    [
        ("content-creation", "art-2", "4K/8K超高清应用项目(按超高清后期制作总投资)", 500, "单个项目支持金额不超过500万元", "支持比例不超过超高清后期制作总投资30%"),
        ("production-centre", "art-3", "数字视听制作中心项目", 300, "单个项目支持金额不超过 300 万元", "每年单个项目支持比例不超过总投资 30%"),
        ("technology-innovation", "art-5", "超高清视听技术创新应用项目", 300, "单个项目支持金额不超过 300 万元", "每年单个项目支持比例不超过总投资 30%"),
        ("application-scenario", "art-6", "超高清视听应用场景项目", 500, "单个项目支持金额不超过 500 万元", "每年单个项目支持比例不超过总投资 30%"),
        ("industry-cluster", "art-7", "产业园区公共服务平台及新型产业孵化器项目", 300, "单个项目支持金额不超过 300 万元", "每年单个项目支持比例不超过总投资 30%"),
    ];

    public UhdSupportScheme()
    {
        foreach (var m in Measures)
        {
            Param($"{m.Key}-rate", $"{m.Label}: 支持比例上限", 30, "%", m.Article, m.RateQuote);
            Param($"{m.Key}-cap", $"{m.Label}: 单个项目支持金额上限", m.Cap, "万元", m.Article, m.CapQuote);
        }

        Param("validity-years", "措施有效期", 3, "年", "art-11", "本措施有效期 3 年");
        Rule("eligible-applicant", "具有独立法人资格的企事业单位、科研院所、社会团体、民办非企业等机构", "art-1", "具有独立法人资格的企事业单位、科研院所、社会团体、民办非企业等机构");

        Interpret("The ratio and the amount are both ceilings (不超过): the result is min(30% × investment, cap), the most a project may receive in a year; actual support is decided on review.", "art-2", "单个项目支持金额不超过500万元");
        Interpret("第二条's base is the project's UHD post-production investment (超高清后期制作总投资); the other articles use the project's total investment.", "art-2", "超高清后期制作总投资30%");
        Interpret("Validity: 3 years from issue (2024-04-25, the notice date), i.e. until 2027-04-24; evaluations dated outside are flagged.", "art-11", "本措施有效期 3 年");
    }

    public override string Id => "uhd-support";

    public override string Title => "支持超高清视听产业高质量发展";

    public override string DocumentId => "jingguangfa-2024-65";

    public override string DocumentNumber => "京广发〔2024〕65号";

    public override string SourceFile => "2024-31.txt";

    public override string Decides => "maximum yearly support for one UHD project (万元)";

    public override InputSchema Inputs { get; } = new(
    [
        new InputField
        {
            Name = "measure", Label = "支持条款", Type = InputType.Choice, Required = true,
            Options = [.. Measures.Select(m => new InputOption(m.Key, $"{m.Label}({m.Article})"))],
        },
        new InputField { Name = "investment", Label = "项目(超高清后期制作)总投资", Type = InputType.Number, Required = true, Min = 0, Max = 10_000_000, Unit = "万元" },
        new InputField { Name = "independentLegalPerson", Label = "具有独立法人资格", Type = InputType.Boolean, Required = true },
    ]);

    protected override void Compute(Evaluation ev)
    {
        var key = ev.Choice("measure");
        var measure = Measures.First(m => m.Key == key);
        decimal amount = 0;
        var eligible = ev.Flag("independentLegalPerson");
        ev.Apply("eligible-applicant", eligible ? "满足" : "不满足");
        using (var s = ev.Open($"{measure.Label}({measure.Article})"))
        {
            if (eligible)
            {
                var share = ev.Percent(ev.Number("investment"), $"{key}-rate", "按比例");
                amount = Math.Round(ev.Cap(share, $"{key}-cap", "单个项目上限"), 2, MidpointRounding.AwayFromZero);
            }

            s.Result(amount);
        }

        var issued = new DateOnly(2024, 4, 25);
        var inForce = ev.AsOf >= issued && ev.AsOf < issued.AddYears((int)ev.P("validity-years"));
        ev.Step("评估日期在有效期内", inForce);
        ev.Output("maxSupport", amount);
        ev.Output("unit", "万元");
        ev.Output("inForce", inForce);
    }
}
