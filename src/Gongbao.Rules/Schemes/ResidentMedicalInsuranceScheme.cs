using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Schemes;

/// <summary>
/// 关于调整2025年城乡居民基本医疗保险筹资标准的通知, 京医保发〔2024〕23号: the 2025 personal contribution and
/// fiscal subsidy per resident by category, and the municipal/district split of the subsidy.
/// </summary>
public sealed class ResidentMedicalInsuranceScheme : Scheme
{
    private static readonly (string Key, string Label, decimal Personal, decimal Subsidy, decimal City, decimal District)[] Categories =
    [
        ("elderly", "城乡老年人", 430, 4350, 1945, 2405),
        ("student-child", "学生儿童", 405, 1725, 632, 1093),
        ("working-age", "劳动年龄内居民", 750, 2335, 937, 1398),
    ];

    public ResidentMedicalInsuranceScheme()
    {
        foreach (var c in Categories)
        {
            DatedParam($"{c.Key}-personal", $"{c.Label}个人缴费标准", "元/年", ("2025-01-01", c.Personal, "div-1", $"{c.Label}每人 {c.Personal} 元/年"));
            DatedParam($"{c.Key}-subsidy", $"{c.Label}财政补助", "元/年", ("2025-01-01", c.Subsidy, "div-2", $"{c.Label}每人 {c.Subsidy} 元/年"));
            DatedParam($"{c.Key}-city", $"{c.Label}市级财政补助", "元", ("2025-01-01", c.City, "div-3", $"市级财政补助 {c.City} 元"));
            DatedParam($"{c.Key}-district", $"{c.Label}区级财政补助", "元", ("2025-01-01", c.District, "div-3", $"区级财政补助 {c.District} 元"));
        }

        DatedParam("increase-share", "财政补助新增部分市、区各负担", "%", ("2025-01-01", 50, "div-3", "由市、区各负担 50%"));

        Interpret("The standards apply to the 2025 contribution year; evaluations dated before 2025-01-01 are flagged (the previous standards are not in the gazettes).", "div-1", "2025 年本市城乡居民基本医疗保险个人缴费标准调整为");
        Interpret("Total funding per person = personal contribution + fiscal subsidy; the printed city and district shares are checked to add up to the subsidy.", "div-2", "2025 年本市城乡居民基本医疗保险财政补助调整为");
    }

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
        new InputField { Name = "persons", Label = "人数", Type = InputType.Integer, Min = 1, Max = 100_000_000, Unit = "人", Help = "absent: 1" },
    ]);

    protected override void Compute(Evaluation ev)
    {
        var key = ev.Choice("category");
        var persons = ev.Number("persons", 1);
        var inForce = ev.AsOf >= new DateOnly(2025, 1, 1);
        ev.Step("评估日期适用2025年标准", inForce);
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
