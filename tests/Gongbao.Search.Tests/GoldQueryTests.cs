using Xunit.Abstractions;

namespace Gongbao.Search.Tests;

/// <summary>
/// Gold query set: queries a citizen or civil servant might type, each with the provisions judged relevant
/// by reading the sample gazettes (the article that answers the query, not every mention). Precision@3 is
/// normalised by the number of relevant provisions when fewer than three (a query with one right answer
/// scores 1 when it is among the top three); recall@20 counts relevant provisions among the first twenty hits.
/// </summary>
public sealed class GoldQueryTests(SampleIndexFixture fixture, ITestOutputHelper output) : IClassFixture<SampleIndexFixture>
{
    private const string Credit = "jingguizifa-2024-122/";
    private const string Kindergarten = "jingjiguanfa-2024-30/";
    private const string Finance = "jingjiguanfa-2024-33/";
    private const string Standards = "jingshijianfa-2024-52/";

    public static readonly IReadOnlyList<(string Query, string[] Relevant)> Gold =
    [
        ("信用评价等级", [Credit + "art-14", Credit + "art-13", Credit + "art-15", Credit + "art-16"]),
        ("熔断机制", [Credit + "art-16"]),
        ("排行榜", [Credit + "art-17"]),
        ("信用修复", [Credit + "art-18"]),
        ("评价结果有异议怎么办", [Credit + "art-18"]),
        ("电子信用档案", [Credit + "art-19"]),
        ("失信惩戒措施", [Credit + "art-20"]),
        ("守信激励措施", [Credit + "art-21"]),
        ("错误信用数据纠错", [Credit + "art-10"]),
        ("信用数据归集", [Credit + "art-8"]),
        ("评价对象初始等级", [Credit + "art-15"]),
        ("委内监管", [Credit + "art-22"]),
        ("分级分类监管措施清单", [Credit + "art-24"]),
        ("京规自发〔2024〕122号第十四条", [Credit + "art-14"]),
        ("生均定额补助", [Kindergarten + "art-5"]),
        ("幼儿园租金补助标准", [Kindergarten + "art-6"]),
        ("幼儿园申请补助资金的条件", [Kindergarten + "art-12"]),
        ("幼兒園補助申請條件", [Kindergarten + "art-12"]),
        ("大型设备购置", [Kindergarten + "art-7"]),
        ("学前教育资助", [Kindergarten + "art-8"]),
        ("科技保险", [Finance + "art-2"]),
        ("供应链金融", [Finance + "art-3"]),
        ("绿色金融", [Finance + "art-5"]),
        ("养老金融", [Finance + "art-7"]),
        ("私募投资机构落户", [Finance + "art-11"]),
        ("QFLP", [Finance + "art-12"]),
        ("金融人才", [Finance + "art-17"]),
        ("金融风险防控", [Finance + "art-20"]),
        ("公共建筑能效等级划分", ["jingjianfa-2024-12/art-5"]),
        ("医保 缴费标准", ["jingyibaofa-2024-23/div-1"]),
        ("城乡居民医保财政补助", ["jingyibaofa-2024-23/div-2"]),
        ("家庭监护能力评估内容", ["jingminerfufa-2024-103/art-8"]),
        ("实地评估人员", ["jingminerfufa-2024-103/art-11"]),
        ("国际标准补助", [Standards + "art-11"]),
        ("标准化示范试点", [Standards + "art-13", Standards + "art-14", Standards + "art-16"]),
        ("中国标准创新贡献奖", [Standards + "art-23", Standards + "art-24", Standards + "art-25"]),
        ("标准转化项目", [Standards + "art-26", Standards + "art-28"]),
        ("超高清视听金融支持", ["jingguangfa-2024-65/art-10"]),
        ("低效楼宇认定标准", ["jingjianfa-2024-14/art-8"]),
        ("楼宇更新消防设计", ["jingjianfa-2024-14/art-23"]),
        ("民用建筑能源资源消耗统计内容", ["jingjianfa-2024-13/art-4"]),
        ("补助资金不适用", [Standards + "art-36"]),
    ];

    [Fact]
    public void Every_judged_provision_exists()
    {
        var ids = SampleCorpus.Issues.SelectMany(i => i.Documents)
            .SelectMany(d => d.Instruments.Prepend(d))
            .SelectMany(d => d.Body.DescendantsAndSelf())
            .Select(p => p.Id)
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(Gold.Count >= 40);
        Assert.All(Gold.SelectMany(g => g.Relevant), id => Assert.Contains(id, ids));
    }

    [Fact]
    public void Precision_at_3_and_recall_at_20_meet_the_targets()
    {
        double precision = 0, recall = 0;
        foreach (var (query, relevant) in Gold)
        {
            var hits = fixture.Index.Search(new SearchRequest { Query = query, Level = SearchLevel.Provision, PageSize = 20 }).Hits.Select(h => h.Id).ToList();
            var p = hits.Take(3).Count(relevant.Contains) / (double)Math.Min(3, relevant.Length);
            var r = hits.Count(relevant.Contains) / (double)relevant.Length;
            precision += p;
            recall += r;
            if (p < 1 || r < 1)
            {
                output.WriteLine($"{query}: P@3 {p:0.00} R@20 {r:0.00}; top: {string.Join(", ", hits.Take(3))}");
            }
        }

        precision /= Gold.Count;
        recall /= Gold.Count;
        output.WriteLine($"P@3 {precision:0.000} R@20 {recall:0.000} over {Gold.Count} queries");
        Assert.True(precision >= 0.9, $"P@3 {precision:0.000}");
        Assert.True(recall >= 0.95, $"R@20 {recall:0.000}");
    }
}
