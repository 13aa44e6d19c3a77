namespace Gongbao.Search.Tests;

/// <summary>Each failing example of issue 11, as found by reading the sample gazettes.</summary>
public sealed class IssueExampleTests(SampleIndexFixture fixture) : IClassFixture<SampleIndexFixture>
{
    private readonly GazetteIndex _index = fixture.Index;

    private SearchResults Provisions(string q, int pageSize = 20) =>
        _index.Search(new SearchRequest { Query = q, Level = SearchLevel.Provision, PageSize = pageSize });

    [Fact]
    public void An_unspaced_query_is_words_that_must_all_occur_not_a_phrase()
    {
        // 幼儿园补助 is printed together once (京技管发〔2024〕30号 第九条); apart in many articles of the same 细则.
        var unspaced = Provisions("幼儿园补助");
        var spaced = Provisions("幼儿园 补助");
        Assert.True(unspaced.Total > 1, $"{unspaced.Total} hits");
        Assert.Equal(spaced.Total, unspaced.Total);
        Assert.Equal("jingjiguanfa-2024-30/art-9", unspaced.Hits[0].Id);
        var phrase = Provisions("\"幼儿园补助\"");
        Assert.Equal("jingjiguanfa-2024-30/art-9", Assert.Single(phrase.Hits).Id);
    }

    [Fact]
    public void The_defining_article_ranks_first()
    {
        // 第十四条【评价等级】 of 京规自发〔2024〕122号 defines the grades.
        var r = Provisions("信用评价等级");
        Assert.Equal("jingguizifa-2024-122/art-14", r.Hits[0].Id);
    }

    [Fact]
    public void Annex_placeholders_rank_after_every_real_provision()
    {
        // 京建法〔2024〕12号 ends with 附件：公共建筑能效等级标识模板(略); 第五条 sets the five grades without printing 公共建筑能效 together.
        var r = Provisions("公共建筑能效", pageSize: 50);
        Assert.Contains(r.Hits, h => h.Id == "jingjianfa-2024-12/art-5");
        var placeholder = r.Hits.ToList().FindIndex(h => h.Snippet.Contains("(略)", StringComparison.Ordinal));
        Assert.True(placeholder < 0 || placeholder == r.Hits.Count - 1 || r.Hits.Skip(placeholder).All(h => h.Snippet.Contains("略", StringComparison.Ordinal)),
            $"placeholder at {placeholder} of {r.Hits.Count}");
        Assert.DoesNotContain("略", r.Hits[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Abbreviations_find_the_full_form()
    {
        // 京医保发〔2024〕23号 一、 sets the 城乡居民基本医疗保险个人缴费标准.
        var full = Provisions("医疗保险 缴费标准");
        var abbreviated = Provisions("医保 缴费标准");
        Assert.NotEqual(0, abbreviated.Total);
        Assert.Equal(full.Hits[0].Id, abbreviated.Hits[0].Id);
        Assert.Contains("<mark>医疗保险</mark>", abbreviated.Hits[0].Snippet, StringComparison.Ordinal);
        Assert.NotEqual(0, Provisions("医保缴费标准").Total);
    }

    [Fact]
    public void Abbreviations_a_document_defines_are_harvested()
    {
        // 京规自发〔2024〕122号 第二条: 本市规划自然资源领域行政相对人(以下简称“评价对象”).
        var doc = SampleCorpus.Issues.SelectMany(i => i.Documents).Single(d => d.Id == "jingguizifa-2024-122");
        Assert.Contains(("评价对象", "本市规划自然资源领域行政相对人"), SearchLexicon.Harvest(doc).Abbreviations);
    }

    [Fact]
    public void Traditional_characters_find_simplified_text()
    {
        var traditional = Provisions("幼兒園");
        Assert.NotEqual(0, traditional.Total);
        Assert.Equal(Provisions("幼儿园").Total, traditional.Total);
        Assert.Contains("<mark>幼儿园</mark>", traditional.Hits[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_result_suggests_the_closest_titles()
    {
        var r = _index.Search(new SearchRequest { Query = "公共建筑能效分级火星基地" });
        Assert.Equal(0, r.Total);
        Assert.Contains(r.Suggestions, t => t.Contains("公共建筑能效分级管理办法", StringComparison.Ordinal));
    }

    [Fact]
    public void Witnesses_of_one_provision_fold_into_the_gazette_hit()
    {
        // 京广电发〔2021〕93号 is printed in issue 2021-40 (under the notice, inst-1) and as a standalone text;
        // its items 19 and 24 mention 公益广告 in both.
        var r = Provisions("公益广告");
        var hits = r.Hits.Where(h => h.DocumentId == "jingguangdianfa-2021-93").ToList();
        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Equal("beijing-2021-40", h.IssueId));
        Assert.All(hits, h => Assert.StartsWith("jingguangdianfa-2021-93/inst-1/", h.Id, StringComparison.Ordinal));
        Assert.Equal(r.Hits.Count, r.Hits.Select(h => h.Id).Distinct().Count());
    }

    [Fact]
    public void Provision_hits_show_their_path()
    {
        var r = _index.Search(new SearchRequest { Query = "超高清", Level = SearchLevel.Provision, Year = 2021 });
        Assert.Equal("二、 › (四) › 20.", r.Hits[0].Path);
    }

    [Fact]
    public void The_year_is_the_documents_own_and_the_issue_year_is_apart()
    {
        // 京建法〔2024〕12号 is signed 2024-12-26 and printed in issue 2025-12.
        var r = _index.Search(new SearchRequest { Query = "能效分级", Year = 2024 });
        var hit = Assert.Single(r.Hits, h => h.Id == "jingjianfa-2024-12");
        Assert.Equal((2024, 2025), (hit.Year, hit.IssueYear));
        Assert.Contains(new FacetValue("2025", r.Facets[SearchFields.IssueYear].Single(f => f.Value == "2025").Count), r.Facets[SearchFields.IssueYear]);
        Assert.Equal(0, _index.Search(new SearchRequest { Query = "能效分级", IssueYear = 2024 }).Hits.Count(h => h.Id == "jingjianfa-2024-12"));
        var signed = _index.Search(new SearchRequest { Query = "能效分级", SignedFrom = new DateOnly(2024, 12, 26), SignedTo = new DateOnly(2024, 12, 26) });
        Assert.Contains(signed.Hits, h => h.Id == "jingjianfa-2024-12");
        Assert.Equal(0, _index.Search(new SearchRequest { Query = "能效分级", SignedTo = new DateOnly(2024, 12, 25) }).Hits.Count(h => h.Id == "jingjianfa-2024-12"));
    }

    [Fact]
    public void Sorting_by_signing_date_puts_the_newest_first()
    {
        var r = _index.Search(new SearchRequest { Query = "超高清", Sort = SearchSort.SignedOn });
        var years = r.Hits.Select(h => h.Year ?? 0).ToList();
        Assert.Equal(years.OrderByDescending(y => y), years);
        Assert.Equal("jingguangdianfa-2021-93", r.Hits[^1].Id);
    }

    [Fact]
    public void An_issuer_printed_three_ways_is_one_facet_value()
    {
        // 北京市广播电视台 (a slip), 北京广播电视局 (市 omitted) and 北京市广播电视局 all issue the UHD documents.
        var r = _index.Search(new SearchRequest { Query = "超高清" });
        var issuers = r.Facets[SearchFields.Issuer].Select(f => f.Value).ToList();
        Assert.Contains("北京市广播电视局", issuers);
        Assert.DoesNotContain("北京市广播电视台", issuers);
        Assert.DoesNotContain("北京广播电视局", issuers);
        Assert.Contains("北京经济技术开发区管理委员会", issuers);
        var filtered = _index.Search(new SearchRequest { Query = "超高清", Issuer = "北京广播电视局" });
        Assert.Equal(r.Facets[SearchFields.Issuer].Single(f => f.Value == "北京市广播电视局").Count, filtered.Total);
    }

    [Fact]
    public void The_kind_facet_counts_each_hit_once()
    {
        var r = _index.Search(new SearchRequest { Query = "超高清" });
        Assert.Equal(r.Total, r.Facets[SearchFields.Kind].Sum(f => f.Count));
    }

    [Fact]
    public void A_citation_in_the_search_box_finds_the_provision()
    {
        var r = Provisions("京规自发〔2024〕122号第十四条");
        Assert.Equal("jingguizifa-2024-122/art-14", r.Hits[0].Id);
    }

    [Fact]
    public void A_plugged_citation_shortcut_puts_its_target_first()
    {
        using var index = GazetteIndex.InMemory();
        foreach (var issue in SampleCorpus.Issues)
        {
            index.IndexIssue(issue);
        }

        index.CitationShortcut = new FixedShortcut("北京市公共建筑能效分级管理办法第五条", new CitationTarget("jingjianfa-2024-12", "jingjianfa-2024-12/art-5"));
        var r = index.Search(new SearchRequest { Query = "北京市公共建筑能效分级管理办法第五条", Level = SearchLevel.Provision });
        Assert.Equal("jingjianfa-2024-12/art-5", r.Hits[0].Id);
        Assert.True(r.Hits[0].Cited);
        Assert.Single(r.Hits, h => h.Id == "jingjianfa-2024-12/art-5");
    }

    private sealed class FixedShortcut(string query, CitationTarget target) : ICitationShortcut
    {
        public CitationTarget? Resolve(string q) => q == query ? target : null;
    }
}
