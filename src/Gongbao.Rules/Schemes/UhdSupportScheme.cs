using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Schemes;

/// <summary>
/// 北京市关于支持超高清视听产业高质量发展的若干措施, 京广发〔2024〕65号: the maximum yearly support for one
/// project under 第二条, 第三条, 第五条, 第六条 and 第七条 — a share of the investment (不超过30%) up to a cap.
/// </summary>
public sealed class UhdSupportScheme : Scheme
{
    private static readonly (string Key, string Article, string Label)[] Measures =
    [
        ("content-creation", "art-2", "4K/8K超高清应用项目(按超高清后期制作总投资)"),
        ("production-centre", "art-3", "数字视听制作中心项目"),
        ("technology-innovation", "art-5", "超高清视听技术创新应用项目"),
        ("application-scenario", "art-6", "超高清视听应用场景项目"),
        ("industry-cluster", "art-7", "产业园区公共服务平台及新型产业孵化器项目"),
    ];

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

        ev.P("validity-years");
        var inForce = ev.InForce();
        ev.Output("maxSupport", amount);
        ev.Output("unit", "万元");
        ev.Output("inForce", inForce);
    }
}
