using Gongbao.Rules.Schemes;

using static Gongbao.Rules.Tests.CaseInput;

namespace Gongbao.Rules.Tests;

/// <summary>京市监发〔2024〕52号 worked by hand.</summary>
public class StandardisationSubsidyTests
{
    private static readonly StandardisationSubsidyScheme Scheme = new();

    [Fact(DisplayName = "第十一条/第十二条: tiers + 京津冀 5万元, capped at 100万元 a year per unit")]
    public void Art11_Art12_StandardProjects()
    {
        var r = Run(Scheme, """{"applicantType":"enterprise-or-other","standardProjects":["national-1","group-3-jjj"]}""");
        Assert.Equal(45m, r.Number("standardProjects")); // 30 + (10 + 5)
        var capped = Run(Scheme, """{"applicantType":"enterprise-or-other","standardProjects":["international-1","international-3"]}""");
        Assert.Equal(100m, capped.Number("standardProjects")); // 100 + 30 = 130 → 100
        Assert.Contains("jingshijianfa-2024-52/art-12/para-2", Cited(capped));
    }

    [Fact(DisplayName = "第十五条/第十九条/第二十条/第二十四条/第二十七条: categories add up, each with its own cap")]
    public void OtherCategories()
    {
        var r = Run(Scheme, """
            {"applicantType":"enterprise-or-other","demonstrationProjects":["demo-municipal-jjj"],"internationalPosts":["secretariat-tc","chair-tc"],
             "overseasApplication":true,"innovationAwards":["award-2"],"conversions":["conversion-international","conversion-national"]}
            """);
        Assert.Equal(30m, r.Number("demonstrationProjects"));      // 20 + 10
        Assert.Equal(100m, r.Number("internationalParticipation")); // 100 + 50 → 100
        Assert.Equal(50m, r.Number("overseasApplication"));
        Assert.Equal(20m, r.Number("innovationAwards"));
        Assert.Equal(30m, r.Number("conversions"));
        Assert.Equal(230m, r.Number("total"));
    }

    [Fact(DisplayName = "第三十条/第三十六条: excluded applicants and administrative organs receive nothing")]
    public void Art30_Art36_Exclusions()
    {
        Assert.Equal(0m, Run(Scheme, """{"applicantType":"administrative-organ","standardProjects":["national-1"]}""").Number("total"));
        Assert.Equal(0m, Run(Scheme, """{"applicantType":"enterprise-or-other","exclusions":["already-funded"],"standardProjects":["national-1"]}""").Number("total"));
        Assert.Equal("applicantType", Assert.Single(Fails(Scheme, """{"standardProjects":["national-1"]}""").Errors).Field);
    }

    [Fact(DisplayName = "第七条: publicity of 5 working days from Fri 2024-09-27 ends 2024-10-10")]
    public void Art7_Publicity() =>
        Assert.Equal("2024-10-10", Run(Scheme, """{"applicantType":"enterprise-or-other","publicityStart":"2024-09-27"}""").Text("publicityEnds"));
}

/// <summary>京广发〔2024〕65号 第二条–第七条.</summary>
public class UhdSupportTests
{
    private static readonly UhdSupportScheme Scheme = new();

    [Theory(DisplayName = "第二条/第三条/第六条: min(30% × investment, cap)")]
    [InlineData("content-creation", 1000, 300)]
    [InlineData("content-creation", 2000, 500)]   // 600 → 500 (第二条)
    [InlineData("production-centre", 1000, 300)]  // 300 = cap (第三条)
    [InlineData("production-centre", 1001, 300)]
    [InlineData("application-scenario", 1500, 450)]
    public void Articles_RateAndCap(string measure, decimal investment, decimal expected) =>
        Assert.Equal(expected, Run(Scheme, $$"""{"measure":"{{measure}}","investment":{{investment}},"independentLegalPerson":true}""", "2025-01-01").Number("maxSupport"));

    [Fact(DisplayName = "第一条: only independent legal persons; 第十一条: valid 3 years")]
    public void Art1_Art11()
    {
        Assert.Equal(0m, Run(Scheme, """{"measure":"industry-cluster","investment":100,"independentLegalPerson":false}""").Number("maxSupport"));
        Assert.False((bool)Run(Scheme, """{"measure":"industry-cluster","investment":100,"independentLegalPerson":true}""", "2027-04-25").Output("inForce")!);
    }
}

/// <summary>京医保发〔2024〕23号 and 24号.</summary>
public class MedicalInsuranceTests
{
    [Theory(DisplayName = "京医保发〔2024〕23号 一、二、三: personal + subsidy, city + district = subsidy")]
    [InlineData("elderly", 430, 4350, 1945, 2405)]
    [InlineData("student-child", 405, 1725, 632, 1093)]
    [InlineData("working-age", 750, 2335, 937, 1398)]
    public void Div1_Div3_Standards(string category, decimal personal, decimal subsidy, decimal city, decimal district)
    {
        var r = Run(new ResidentMedicalInsuranceScheme(), $$"""{"category":"{{category}}","persons":2}""");
        Assert.Equal(2 * personal, r.Number("personalContribution"));
        Assert.Equal(2 * subsidy, r.Number("fiscalSubsidy"));
        Assert.Equal(2 * (city + district), r.Number("fiscalSubsidy"));
        Assert.Equal(2 * (personal + subsidy), r.Number("totalFunding"));
    }

    [Fact(DisplayName = "京医保发〔2024〕24号 二(一)(二): weight × 20425 (20834 infectious), residents keep 50%")]
    public void Drg()
    {
        var scheme = new DrgPaymentScheme();
        Assert.Equal(30637.5m, Run(scheme, """{"weight":1.5}""").Number("paymentStandard"));
        Assert.Equal(31251m, Run(scheme, """{"weight":1.5,"infectiousSpecialty":true}""").Number("paymentStandard"));
        Assert.Equal(500m, Run(scheme, """{"weight":1,"surplus":1000,"insurance":"resident"}""").Number("retainedSurplus"));
        Assert.Equal(1000m, Run(scheme, """{"weight":1,"surplus":1000,"insurance":"employee"}""").Number("retainedSurplus"));
        Assert.Null(Run(scheme, """{"weight":1,"consumablesGroup":true}""").Output("paymentStandard"));
        // Before 2025-01-01 the 2025 rates are not in force: refused on asOf instead of printing the 2025 figures.
        Assert.Equal("asOf", Assert.Single(Assert.Throws<Engine.InputValidationException>(() => Run(scheme, """{"weight":1}""", "2024-12-31")).Errors).Field);
        Assert.True((bool)Run(scheme, """{"weight":1}""", "2025-01-01").Output("inForce")!);
        Assert.Equal("weight", Assert.Single(Fails(scheme, """{"weight":0}""").Errors).Field);
    }
}

/// <summary>京技管发〔2024〕30号 and 京人社毕发〔2024〕16号.</summary>
public class KindergartenAndJobTests
{
    private const string AllConditions = "\"conditionsMet\":[\"admission\",\"lawful\",\"inspection\"]";

    [Fact(DisplayName = "京技管发〔2024〕30号 第五条: 100 children × 1800 × 12 = 2 160 000 元")]
    public void Art5_PerChild() =>
        Assert.Equal(2_160_000m, Run(new KindergartenSubsidyScheme(), $$"""{{{AllConditions}},"children":100}""").Number("perChildSubsidy"));

    [Theory(DisplayName = "京技管发〔2024〕30号 第六条: rent at most 5元/平方米·天, actual when lower, area limited per child")]
    [InlineData(6, 1000, 365, null, 1_825_000)]    // 5 × 1000 × 365
    [InlineData(4, 1000, 365, null, 1_460_000)]    // actual 4
    [InlineData(5, 1000, 100, "8", 400_000)]         // area min(1000, 100 × 8 = 800) × 5 × 100
    public void Art6_Rent(decimal rent, decimal area, int days, string? perChild, decimal expected)
    {
        var limit = perChild is null ? "" : $",\"areaPerChildLimit\":{perChild}";
        var r = Run(new KindergartenSubsidyScheme(), $$"""{{{AllConditions}},"children":100,"rentPerSquareMetreDay":{{rent}},"leasedArea":{{area}},"rentDays":{{days}}{{limit}}}""");
        Assert.Equal(expected, r.Number("rentSubsidy"));
    }

    [Fact(DisplayName = "京技管发〔2024〕30号 第十二条: a missing condition means no subsidy; rent group needs all its fields")]
    public void Art12_Conditions()
    {
        Assert.Equal(0m, Run(new KindergartenSubsidyScheme(), """{"conditionsMet":["admission","lawful"],"children":100}""").Number("total"));
        var ex = Fails(new KindergartenSubsidyScheme(), $$"""{{{AllConditions}},"children":10,"rentPerSquareMetreDay":3}""");
        Assert.Equal(["leasedArea", "rentDays"], ex.Errors.Select(e => e.Field).Order());
    }

    [Theory(DisplayName = "京人社毕发〔2024〕16号 (一): 1000元 per hire, 3 months of insurance (以上 includes 3), until 2025-12-31")]
    [InlineData(3, "2025-06-30", 5000)]
    [InlineData(2, "2025-06-30", 0)]
    [InlineData(3, "2026-01-01", 0)]
    public void Item1_JobExpansion(int months, string asOf, decimal expected) =>
        Assert.Equal(expected, Run(new JobExpansionSubsidyScheme(), $$"""{"graduateHires":3,"youthHires":2,"insuranceMonths":{{months}},"laborContract":true}""", asOf).Number("subsidy"));
}

/// <summary>京技管发〔2024〕33号 worked by hand (万元).</summary>
public class IndustrialFinanceTests
{
    private static readonly IndustrialFinanceScheme Scheme = new();

    private static decimal Article(Engine.EvaluationResult r, string article) =>
        (decimal)((IEnumerable<KeyValuePair<string, object?>>)r.Output("byArticle")!).Single(kv => kv.Key == article).Value!;

    [Theory(DisplayName = "第二条: premium 超过10万元 → 50% (小巨人 60%), ≤ 50万元; exactly 10 gets nothing")]
    [InlineData(10, false, 0)]
    [InlineData(20, false, 10)]
    [InlineData(20, true, 12)]
    [InlineData(200, false, 50)]
    public void Art2(decimal premium, bool giant, decimal expected) =>
        Assert.Equal(expected, Run(Scheme, $$"""{"a2Premium":{{premium}},"a2Giant":{{(giant ? "true" : "false")}}}""").Number("total"));

    [Fact(DisplayName = "第四条: interest 50% capped by category; first-loan 1:1 ≤ 20; 就高不重复")]
    public void Art4()
    {
        Assert.Equal(25m, Run(Scheme, """{"a4Interest":100,"a4Category":"small-micro"}""").Number("total"));
        Assert.Equal(40m, Run(Scheme, """{"a4Interest":100,"a4Category":"beijing-specialised"}""").Number("total"));
        Assert.Equal(20m, Run(Scheme, """{"a4Interest":30,"a4Category":"small-micro","a4FirstLoanSupport":25}""").Number("total")); // max(15, 20)
    }

    [Theory(DisplayName = "第八条: tiers at 1/5/10/30 亿元 (含), formula base + rate × capital, ≤ 6000")]
    [InlineData(9999, 0)]
    [InlineData(10000, 600)]      // 500 + 1% × 10000
    [InlineData(50000, 1250)]     // 1000 + 0.5% × 50000
    [InlineData(100000, 2300)]    // 2000 + 0.3% × 100000
    [InlineData(300000, 5600)]    // 5000 + 0.2% × 300000
    [InlineData(600000, 6000)]    // 5000 + 1200 = 6200 → 6000
    public void Art8(decimal capital, decimal expected) =>
        Assert.Equal(expected, Run(Scheme, $$"""{"a8PaidInCapital":{{capital}}}""").Number("total"));

    [Fact(DisplayName = "第十一条/第十二条: PE tiers, public capital excluded; QFLP; 就高不重复 between them")]
    public void Art11_Art12()
    {
        Assert.Equal(60m, Run(Scheme, """{"a11ManagerCapital":3000,"a11FundsPaidIn":10000}""").Number("total"));       // 2% × 3000
        Assert.Equal(0m, Run(Scheme, """{"a11ManagerCapital":3000,"a11FundsPaidIn":9999}""").Number("total"));        // fund below 1亿
        Assert.Equal(20m, Run(Scheme, """{"a11ManagerCapital":3000,"a11FundsPaidIn":10000,"a11PublicCapital":2000}""").Number("total"));
        var both = Run(Scheme, """{"a11ManagerCapital":3000,"a11FundsPaidIn":10000,"a12NewManager":true,"a12FundPaidInUsd":5000}""");
        Assert.Equal(180m, both.Number("total")); // 第十二条 100 + 80 = 180 beats 第十一条 60
        Assert.Equal(0m, Article(both, "第十一条"));
    }

    [Fact(DisplayName = "第十四条 vs 第三条: growth 18% (含) below 5000万元, 就高不重复 with 第三条")]
    public void Art14()
    {
        Assert.Equal(14.4m, Run(Scheme, """{"a14Revenue":4720,"a14PreviousRevenue":4000}""").Number("total")); // 18% growth, 2% × 720
        Assert.Equal(0m, Run(Scheme, """{"a14Revenue":4719,"a14PreviousRevenue":4000}""").Number("total"));
        var both = Run(Scheme, """{"a14Revenue":4720,"a14PreviousRevenue":4000,"a3ContractAmount":10000,"a3Financing":20000}""");
        Assert.Equal(20m, both.Number("total")); // 第三条 0.1% × 20000 = 20 beats 14.4
    }

    [Fact(DisplayName = "第十五条/第十六条: 2% ≤ 50 per project, ≤ 200 a year; M&A ≥1亿 → 25% ≤ 300")]
    public void Art15_Art16()
    {
        Assert.Equal(200m, Run(Scheme, """{"a15Investments":50000,"a15Projects":5}""").Number("total")); // 5 × min(200, 50) = 250 → 200
        Assert.Equal(250m, Run(Scheme, """{"a16Investment":10000,"a16Interest":1000}""").Number("total"));
        Assert.Equal(0m, Run(Scheme, """{"a16Investment":9999,"a16Interest":1000}""").Number("total"));
    }

    [Fact(DisplayName = "Inputs: nothing claimed, or a claim missing its fields, is an error naming the field")]
    public void Inputs()
    {
        Assert.Equal("*", Assert.Single(Fails(Scheme, "{}").Errors).Field);
        Assert.Equal("a4Category", Assert.Single(Fails(Scheme, """{"a4Interest":10}""").Errors).Field);
    }
}

/// <summary>京技管发〔2024〕31号 worked by hand (万元).</summary>
public class SciTechCultureTests
{
    private static readonly SciTechCultureScheme Scheme = new();

    [Theory(DisplayName = "措施2: R&D 500万元以上 and 3%以上 → 20%, ≤ 500")]
    [InlineData(500, 10000, 100)]
    [InlineData(499, 10000, 0)]
    [InlineData(600, 20001, 0)]    // 2.9999 %
    [InlineData(3000, 50000, 500)] // 600 → 500
    public void Measure2(decimal rd, decimal revenue, decimal expected) =>
        Assert.Equal(expected, Run(Scheme, $$"""{"m2RdSpend":{{rd}},"m2MainRevenue":{{revenue}}}""").Number("total"));

    [Theory(DisplayName = "措施6: 5亿元 → 20% ≤ 500; 10亿元 → 20% ≤ 1000")]
    [InlineData(49999, 1000, 0)]
    [InlineData(50000, 3000, 500)]
    [InlineData(100000, 3000, 600)]
    [InlineData(100000, 6000, 1000)]
    public void Measure6(decimal revenue, decimal rd, decimal expected) =>
        Assert.Equal(expected, Run(Scheme, $$"""{"m6Revenue":{{revenue}},"m6RdSpend":{{rd}}}""").Number("total"));

    [Theory(DisplayName = "措施8: foreign revenue tiers 350/1500万元/1亿元 → 1%/3%/6%")]
    [InlineData(349, 0)]
    [InlineData(350, 3.5)]
    [InlineData(1500, 45)]
    [InlineData(10000, 600)]
    public void Measure8(decimal foreign, decimal expected) =>
        Assert.Equal(expected, Run(Scheme, $$"""{"m8ForeignRevenue":{{foreign}}}""").Number("total"));

    [Fact(DisplayName = "措施1: 1:1 ≤ 500, three levels together ≤ own funds")]
    public void Measure1()
    {
        Assert.Equal(300m, Run(Scheme, """{"m1ProjectFunding":300,"m1SelfRaised":1000}""").Number("total"));
        Assert.Equal(200m, Run(Scheme, """{"m1ProjectFunding":300,"m1SelfRaised":600,"m1CitySupport":100}""").Number("total"));
        Assert.Equal(500m, Run(Scheme, """{"m1ProjectFunding":800,"m1SelfRaised":5000}""").Number("total"));
    }

    [Fact(DisplayName = "措施17: rent 1.5元/天/平方米 ≤ 300万元 a year, only 3 years; 附则12 从优不重复 for one project")]
    public void Measure17_AndBestOnly()
    {
        Assert.Equal(54.75m, Run(Scheme, """{"m17RentArea":1000,"m17RentDays":365,"m17RentYear":3}""").Number("total"));
        Assert.Equal(0m, Run(Scheme, """{"m17RentArea":1000,"m17RentDays":365,"m17RentYear":4}""").Number("total"));
        var separate = Run(Scheme, """{"m9Investment":2000,"m14Investment":200}""");
        Assert.Equal(260m, separate.Number("total")); // 200 + 60
        var same = Run(Scheme, """{"sameProject":true,"m9Investment":2000,"m14Investment":200}""");
        Assert.Equal(200m, same.Number("total"));
        Assert.Contains("jingjiguanfa-2024-31/inst-1/div-3/sub-12", Cited(same));
    }
}
