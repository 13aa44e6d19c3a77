namespace Gongbao.Search.Tests;

public sealed class RealGazetteSearchTests(SampleIndexFixture fixture) : IClassFixture<SampleIndexFixture>
{
    private readonly GazetteIndex _index = fixture.Index;

    [Fact]
    public void TermInOneArticleFindsThatArticleFirst()
    {
        // grep: 熔断机制 occurs once in all samples, in 2024-31 第十六条【评价等级熔断机制】.
        var r = _index.Search(new SearchRequest { Query = "熔断机制", Level = SearchLevel.Provision });
        Assert.Equal(1, r.Total);
        var hit = Assert.Single(r.Hits);
        Assert.Equal("jingguizifa-2024-122/art-16", hit.Id);
        Assert.Equal("第十六条", hit.Label);
        Assert.Equal("beijing-2024-31", hit.IssueId);
        Assert.Contains("<mark>熔断机制</mark>", hit.Snippet);
    }

    [Fact]
    public void HeadingHitRanksAboveBodyHit()
    {
        // 排行榜 appears on two lines, both in 第十七条【排行榜机制】 (heading and second paragraph).
        var r = _index.Search(new SearchRequest { Query = "排行榜", Level = SearchLevel.Provision });
        Assert.Equal("jingguizifa-2024-122/art-17", r.Hits[0].Id);
        Assert.Equal("排行榜机制", r.Hits[0].Heading);
    }

    [Fact]
    public void TitleHitRanksFirstAtDocumentLevel()
    {
        // 能效分级 is in the title of the instrument of 京建法〔2024〕12号 only; other documents only mention energy.
        var r = _index.Search(new SearchRequest { Query = "能效分级" });
        Assert.Equal("jingjianfa-2024-12", r.Hits[0].Id);
        Assert.Equal("京建法〔2024〕12号", r.Hits[0].Number);
        Assert.Equal(2024, r.Hits[0].Year);
        Assert.Equal(2025, r.Hits[0].IssueYear);
    }

    [Fact]
    public void DocumentNumberQueryInAnyBracketFormFindsTheDocument()
    {
        var r = _index.Search(new SearchRequest { Query = "京规自发[2024]122号" });
        Assert.Equal("jingguizifa-2024-122", r.Hits[0].Id);
    }

    [Fact]
    public void WitnessesOfOneDocumentFoldIntoOneHitPreferringTheGazette()
    {
        // 超高清 in 2021: only in 京广电发〔2021〕93号, printed in issue 2021-40 and as a standalone text.
        var r = _index.Search(new SearchRequest { Query = "超高清", Year = 2021 });
        Assert.Equal(1, r.Total);
        var hit = Assert.Single(r.Hits);
        Assert.Equal("jingguangdianfa-2021-93", hit.Id);
        Assert.Equal("beijing-2021-40", hit.IssueId);
        Assert.Equal([new FacetValue("2021", 1)], r.Facets[SearchFields.Year]);
    }

    [Fact]
    public void FacetsCountDocumentsAndFiltersNarrow()
    {
        var all = _index.Search(new SearchRequest { Query = "超高清" });
        var years = all.Facets[SearchFields.Year].ToDictionary(f => f.Value, f => f.Count);
        Assert.Equal(1, years["2021"]);
        Assert.True(years["2024"] >= 2, "both 2024 UHD documents (京广发〔2024〕60号 and 65号)");
        var issuer = _index.Search(new SearchRequest { Query = "超高清", Issuer = "北京市财政局" });
        Assert.All(issuer.Hits, h => Assert.Contains("北京市财政局", h.Issuers));
        var none = _index.Search(new SearchRequest { Query = "超高清", Kind = "Reply" });
        Assert.Equal(0, none.Total);
    }

    [Fact]
    public void KindFilterFindsANoticeByTheInstrumentItIssues()
    {
        // 京建法〔2024〕12号 is a 通知 that issues 《北京市公共建筑能效分级管理办法》: it is both a Notice and Measures.
        var measures = _index.Search(new SearchRequest { Query = "能效分级", Kind = "Measures" });
        Assert.Equal("jingjianfa-2024-12", measures.Hits[0].Id);
        Assert.Equal("Notice", measures.Hits[0].Kind);
        var kinds = measures.Facets[SearchFields.Kind].ToDictionary(f => f.Value, f => f.Count);
        Assert.Equal(measures.Total, kinds["Measures"]);
        Assert.Equal(measures.Total, kinds.Values.Sum());
        Assert.Equal(0, _index.Search(new SearchRequest { Query = "能效分级", Kind = "Plan" }).Hits.Count(h => h.Id == "jingjianfa-2024-12"));
    }

    [Fact]
    public void ConversionSlipsAreFoundInTheirStandardForm()
    {
        // 2025-12 prints 数据釆集 (釆 for 采) in 京建法〔2024〕13号 第七条 and 统计管理部門 in its 第八条.
        var collect = _index.Search(new SearchRequest { Query = "\"数据采集\"", Level = SearchLevel.Provision });
        var art7 = Assert.Single(collect.Hits);
        Assert.Equal(("jingjianfa-2024-13", "第七条"), (art7.DocumentId, art7.Label));
        Assert.Contains("<mark>数据釆集</mark>", art7.Snippet);
        var office = _index.Search(new SearchRequest { Query = "\"统计管理部门\"", Level = SearchLevel.Provision });
        var art8 = Assert.Single(office.Hits);
        Assert.Equal(("jingjianfa-2024-13", "第八条"), (art8.DocumentId, art8.Label));
        Assert.Contains("<mark>统计管理部門</mark>", art8.Snippet);
    }

    [Fact]
    public void AnIssuerPrintedWithASlipIsFilteredAndCountedUnderItsName()
    {
        // 2021-40 prints 北京市广播电视台局 for 北京市广播电视局 throughout, e.g. as the issuer of 京广电发〔2021〕17号.
        var r = _index.Search(new SearchRequest { Query = "社会效益评价", Issuer = "北京市广播电视局" });
        var hit = Assert.Single(r.Hits, h => h.Id == "jingguangdianfa-2021-17");
        Assert.Contains("北京市广播电视台局", hit.Issuers);
        var issuers = r.Facets[SearchFields.Issuer].Select(f => f.Value).ToList();
        Assert.Contains("北京市广播电视局", issuers);
        Assert.DoesNotContain("北京市广播电视台局", issuers);
        Assert.Equal(1, _index.Search(new SearchRequest { Query = "北京市广播电视局", Year = 2021 }).Hits.Count(h => h.Id == "jingguangdianfa-2021-17"));
    }

    [Fact]
    public void PagingReturnsDisjointPages()
    {
        var p1 = _index.Search(new SearchRequest { Query = "信用", Level = SearchLevel.Provision, PageSize = 5, Page = 1 });
        var p2 = _index.Search(new SearchRequest { Query = "信用", Level = SearchLevel.Provision, PageSize = 5, Page = 2 });
        Assert.Equal(5, p1.Hits.Count);
        Assert.Equal(5, p2.Hits.Count);
        Assert.Empty(p1.Hits.Select(h => h.Id).Intersect(p2.Hits.Select(h => h.Id)));
        Assert.Equal(p1.Total, p2.Total);
        Assert.True(p1.Hits[^1].Score >= p2.Hits[0].Score);
    }

    [Fact]
    public void EnglishTitleIsSearchableWithStemming()
    {
        // "Kindergartens" in the English title of 京技管发〔2024〕30号; the query uses the singular.
        var r = _index.Search(new SearchRequest { Query = "kindergarten" });
        Assert.Equal("jingjiguanfa-2024-30", r.Hits[0].Id);
    }

    [Fact]
    public void ReindexingAnIssueReplacesItsEntries()
    {
        using var index = GazetteIndex.InMemory();
        var issue = SampleCorpus.Issues[1];
        index.IndexIssue(issue);
        var count = index.Count;
        index.IndexIssue(issue);
        Assert.Equal(count, index.Count);
        index.DeleteIssue(issue.Id);
        Assert.Equal(0, index.Count);
    }
}
