using System.Text.Json;

using Gongbao.Rules.Engine;
using Gongbao.Rules.Schemes;

using static Gongbao.Rules.Tests.CaseInput;

namespace Gongbao.Rules.Tests;

/// <summary>Issue 13 edge defects: exact comparisons, malformed input, required and out-of-range dates.</summary>
public class EdgeCaseTests
{
    private const string FullMarksExceptProduction =
        "\"dissemination\":20,\"publicEvaluation\":20,\"socialResponsibility\":20,\"governance\":4,\"contentBodies\":4,\"socialBenefitSystem\":4,\"training\":4,\"responsibilityReport\":4";

    [Fact(DisplayName = "社会效益: 33.32 hours → 9.996 points; 89.996 in total is 良好, not rounded up to 优秀")]
    public void ProgrammeHoursNotRoundedBeforeGrading()
    {
        var r = Run(new SocialBenefitScheme(), $$"""{"independentWorks":0,"cooperativeWorks":0,"programmeHours":33.32,"independentAds":0,"cooperativeAds":0,{{FullMarksExceptProduction}}}""");
        Assert.Equal(89.996m, r.Number("total"));
        Assert.Equal("良好", r.Text("grade"));
    }

    [Theory(DisplayName = "能效 第三条: a share of 3000.0001/6000 is 超过50% (compared exactly, not rounded to 50%)")]
    [InlineData(6000, 3000.0001, true)]
    [InlineData(6000, 3000, false)]
    public void EnergyShareExact(decimal area, decimal publicArea, bool mandatory) =>
        Assert.Equal(mandatory, (bool)Run(new EnergyEfficiencyScheme(),
            $$"""{"buildingArea":{{area}},"publicArea":{{publicArea}},"energyIntensity":90,"guideValue":80,"constraintValue":100}""").Output("mandatory")!);

    [Theory(DisplayName = "科技文化 措施2: an R&D share of 2.99999994% is below 3% → no support (was rounded to 3% → 100)")]
    [InlineData(16666.6669, 0)]
    [InlineData(16666.6666, 100)]
    public void SciTechShareExact(decimal revenue, decimal expected) =>
        Assert.Equal(expected, Run(new SciTechCultureScheme(), $$"""{"m2RdSpend":500,"m2MainRevenue":{{revenue}}}""").Number("total"));

    [Fact(DisplayName = "A repeated JSON key is a parse error naming the key, not a dictionary exception")]
    public void DuplicateKey()
    {
        var ex = Assert.ThrowsAny<JsonException>(() => SchemeInput.Parse("""{"weight":1,"weight":2}"""));
        Assert.Contains("weight", ex.Message, StringComparison.Ordinal);

        // A JsonObject built without the check still fails as invalid input, not as an unexpected error.
        var lax = System.Text.Json.Nodes.JsonNode.Parse("""{"weight":1,"weight":2}""")!.AsObject();
        Assert.Throws<InputValidationException>(() => new DrgPaymentScheme().Evaluate(lax, new DateOnly(2025, 6, 30)));
    }

    [Fact(DisplayName = "1e30 is reported as out of range, not as 'must be a number'")]
    public void HugeNumber()
    {
        var error = Assert.Single(Fails(new DrgPaymentScheme(), """{"weight":1e30}""").Errors);
        Assert.Equal("weight", error.Field);
        Assert.Contains("out of range", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("must be a number", error.Message, StringComparison.Ordinal);
    }

    [Fact(DisplayName = "asOf is required: no default to today, reported with the other input errors")]
    public void AsOfRequired()
    {
        var ex = Assert.Throws<InputValidationException>(() => new DrgPaymentScheme().Evaluate(Json("""{"weight":0}"""), null));
        Assert.Equal(["asOf", "weight"], ex.Errors.Select(e => e.Field));
    }

    [Fact(DisplayName = "城乡居民医保: a 2024 date is refused (the 2025 standard starts 2025-01-01), not answered with 2025 figures")]
    public void InsuranceBefore2025Refused()
    {
        var scheme = new ResidentMedicalInsuranceScheme();
        var error = Assert.Single(Assert.Throws<InputValidationException>(() => Run(scheme, """{"category":"elderly"}""", "2024-12-31")).Errors);
        Assert.Equal("asOf", error.Field);
        Assert.Equal(430m, Run(scheme, """{"category":"elderly"}""", "2025-01-01").Number("personalContribution"));
    }

    [Fact(DisplayName = "Expired schemes answer 'not in force' with the cited validity (一次性扩岗补助 after 2025-12-31)")]
    public void ExpiredScheme()
    {
        const string hires = """{"graduateHires":2,"youthHires":0,"insuranceMonths":3,"laborContract":true}""";
        var scheme = new JobExpansionSubsidyScheme();
        Assert.Equal(2000m, Run(scheme, hires, "2025-12-31").Number("subsidy"));
        var late = Run(scheme, hires, "2026-01-01");
        Assert.Equal(0m, late.Number("subsidy"));
        Assert.Contains("jingrenshebifa-2024-16/div-1/item-1", Cited(late));
    }
}
