using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Schemes;

/// <summary>
/// 关于调整2025年城乡居民基本医疗保险筹资标准的通知, 京医保发〔2024〕23号: the 2025 personal contribution and
/// fiscal subsidy per resident by category, and the municipal/district split of the subsidy.
/// </summary>
public sealed class ResidentMedicalInsuranceScheme : Scheme
{
    private static readonly (string Key, string Label)[] Categories =
    [
        ("elderly", "城乡老年人"),
        ("student-child", "学生儿童"),
        ("working-age", "劳动年龄内居民"),
    ];

    public override string Id => "resident-medical-insurance";

    public override string Title => "2025年城乡居民基本医疗保险筹资标准";

    public override string DocumentId => "jingyibaofa-2024-23";

    public override string DocumentNumber => "京医保发〔2024〕23号";

    public override string SourceFile => "2025-12.txt";

    public override string Decides => "personal contribution, fiscal subsidy (city/district) and total funding per resident (元/年)";

    public override InputSchema Inputs { get; } = new(
    [
        new InputField
        {
            Name = "category", Label = "参保人员类别", Type = InputType.Choice, Required = true,
            Options = [.. Categories.Select(c => new InputOption(c.Key, c.Label))],
        },
        new InputField { Name = "persons", Label = "人数", Type = InputType.Integer, Min = 1, Max = 100_000_000, Unit = "人", Help = "不填视为 1" },
    ]);

    protected override void Compute(Evaluation ev)
    {
        var key = ev.Choice("category");
        var persons = ev.Number("persons", 1);
        var inForce = ev.InForce();
        var personal = ev.P($"{key}-personal");
        decimal subsidy, city, district;
        using (var s = ev.Open("财政补助"))
        {
            subsidy = ev.P($"{key}-subsidy");
            city = ev.P($"{key}-city");
            district = ev.P($"{key}-district");
            ev.Step("市级 + 区级 = 财政补助", city + district == subsidy);
            s.Result(subsidy);
        }

        var total = personal + subsidy;
        ev.Step("人均筹资 = 个人缴费 + 财政补助", total, "元/年");
        ev.Output("inForce", inForce);
        ev.Output("personalContribution", personal * persons);
        ev.Output("fiscalSubsidy", subsidy * persons);
        ev.Output("citySubsidy", city * persons);
        ev.Output("districtSubsidy", district * persons);
        ev.Output("totalFunding", total * persons);
        ev.Output("unit", "元/年");
    }
}
