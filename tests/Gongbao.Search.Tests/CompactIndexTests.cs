using Gongbao.Domain;

using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Gongbao.Search.Tests;

/// <summary>
/// The compact layout (issue 11, size): the body text is indexed once, as bigrams, in the provision entries; a
/// document-level query reaches it through the document's block, and one-character words use the positionless
/// character field. These tests pin that nothing findable before is lost.
/// </summary>
public sealed class CompactIndexTests : IDisposable
{
    private readonly string _path = System.IO.Directory.CreateTempSubdirectory("gongbao-compact-").FullName;
    private readonly GazetteIndex _index;

    public CompactIndexTests()
    {
        _index = GazetteIndex.Open(_path);
        _index.IndexIssue(Issue("test-2031-1", [
            Document("ceshifa-2031-1", "测试局关于园林养护的办法", "各区园林绿化局：", "测试局", "第一条", "为规范城市绿地的养护，制定本办法。", "第二条", "养护单位应当按季度报送台账，并接受检查。"),
            Document("ceshifa-2031-2", "测试局关于台账管理的通知", "各有关单位：", "测试局", "第一条", "各单位应当建立台账。", "第二条", "本通知自印发之日起施行。"),
        ]));
    }

    [Fact]
    public void A_document_hit_needs_every_word_somewhere_in_the_document_not_in_one_article()
    {
        // 绿地 is only in 第一条 and 检查 only in 第二条 of the first document.
        var documents = Search("绿地 检查", SearchLevel.Document);
        Assert.Equal(["ceshifa-2031-1"], documents.Hits.Select(h => h.Id));
        Assert.Equal(0, Search("绿地 检查", SearchLevel.Provision).Total);

        // 台账 is in both documents; 季度 only in the first.
        Assert.Equal(2, Search("台账", SearchLevel.Document).Total);
        Assert.Equal(["ceshifa-2031-1"], Search("台账 季度", SearchLevel.Document).Hits.Select(h => h.Id));
        Assert.Equal(0, Search("绿地 印发", SearchLevel.Document).Total);
    }

    [Fact]
    public void A_document_hit_shows_its_best_article_as_the_snippet()
    {
        var hit = Assert.Single(Search("季度 报送", SearchLevel.Document).Hits);
        Assert.Contains("<mark>季度报送</mark>", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_outside_every_article_still_finds_the_document()
    {
        // The addressees and the signing agency are printed in no article.
        Assert.Equal(["ceshifa-2031-1"], Search("园林绿化局", SearchLevel.Document).Hits.Select(h => h.Id));
        Assert.Equal(["ceshifa-2031-2"], Search("有关单位 台账", SearchLevel.Document).Hits.Select(h => h.Id));
    }

    [Fact]
    public void One_character_finds_it_at_the_end_of_a_run_as_well_as_inside_one()
    {
        // 法 ends 办法 before 。 (no bigram starts with it); 季 begins 季度.
        Assert.Contains("ceshifa-2031-1/art-1", Search("法", SearchLevel.Provision).Hits.Select(h => h.Id));
        Assert.Equal(["ceshifa-2031-1/art-2"], Search("季", SearchLevel.Provision).Hits.Select(h => h.Id));
        Assert.Equal(["ceshifa-2031-1"], Search("季", SearchLevel.Document).Hits.Select(h => h.Id));
        Assert.Equal(0, Search("鱼", SearchLevel.Provision).Total);
    }

    [Fact]
    public void A_replaced_issue_is_found_by_its_new_text_only_at_both_levels()
    {
        _index.IndexIssue(Issue("test-2031-1", [
            Document("ceshifa-2031-1", "测试局关于园林养护的办法", "各区园林绿化局：", "测试局", "第一条", "为规范街道树木的修剪，制定本办法。", "第二条", "养护单位应当按季度报送台账。"),
        ]));

        Assert.Equal(0, Search("绿地", SearchLevel.Document).Total);
        Assert.Equal(0, Search("绿地", SearchLevel.Provision).Total);
        Assert.Equal(["ceshifa-2031-1"], Search("树木 季度", SearchLevel.Document).Hits.Select(h => h.Id));
        Assert.Equal(["ceshifa-2031-1/art-1"], Search("修剪", SearchLevel.Provision).Hits.Select(h => h.Id));
    }

    [Fact]
    public void A_word_of_the_document_title_counts_for_its_provisions_below_one_they_print()
    {
        // 园林 is printed only in the first document's title (and its addressees), 施行 only in the second's 第二条.
        Assert.Equal(["ceshifa-2031-1/art-2"], Search("园林 台账", SearchLevel.Provision).Hits.Select(h => h.Id));
        Assert.Equal(["ceshifa-2031-2/art-2"], Search("台账 施行", SearchLevel.Provision).Hits.Select(h => h.Id));

        // 台账 is printed in two articles and in the second document's title: its 第二条 is found through the title alone, last.
        var hits = Search("台账", SearchLevel.Provision).Hits.Select(h => h.Id).ToList();
        Assert.Equal(3, hits.Count);
        Assert.Equal("ceshifa-2031-2/art-2", hits[^1]);
    }

    [Fact]
    public void The_body_text_is_indexed_once_and_as_bigrams()
    {
        using var directory = FSDirectory.Open(_path);
        using var reader = DirectoryReader.Open(directory);
        var bodyTerms = new List<string>();
        var documentEntriesWithArticleText = 0;
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(SearchFields.Text).GetEnumerator();
            while (terms.MoveNext())
            {
                bodyTerms.Add(terms.Term.Utf8ToString());
            }

            // 季度 is printed only in an article: no document entry may hold it.
            var docs = leaf.AtomicReader.GetTermDocsEnum(new Term(SearchFields.Text, "季度"));
            for (var d = docs?.NextDoc() ?? Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS; d != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS; d = docs!.NextDoc())
            {
                if (leaf.AtomicReader.Document(d).Get(SearchFields.Type) == SearchFields.DocumentType)
                {
                    documentEntriesWithArticleText++;
                }
            }
        }

        Assert.Contains("季度", bodyTerms);
        Assert.DoesNotContain("季", bodyTerms);
        Assert.DoesNotContain("度", bodyTerms);
        Assert.Equal(0, documentEntriesWithArticleText);
    }

    private SearchResults Search(string q, SearchLevel level) => _index.Search(new SearchRequest { Query = q, Level = level });

    private static GazetteIssue Issue(string id, GazetteDocument[] documents) =>
        new() { Id = id, SourceFile = id + ".txt", SourceSha256 = new string('b', 64), Documents = documents };

    private static GazetteDocument Document(string id, string title, string addressee, string issuer, string label1, string text1, string label2, string text2)
    {
        var art1 = new Provision { Id = id + "/art-1", Kind = ProvisionKind.Article, Ordinal = 1, Number = 1, Label = label1, Text = text1 };
        var art2 = new Provision { Id = id + "/art-2", Kind = ProvisionKind.Article, Ordinal = 2, Number = 2, Label = label2, Text = text2 };
        var signature = new Provision { Id = id + "/sig", Kind = ProvisionKind.Signature, Ordinal = 1, Text = issuer };
        return new GazetteDocument
        {
            Id = id,
            Ordinal = 1,
            TitleZh = title,
            Addressees = [addressee],
            Issuers = [issuer],
            Body = new Provision { Id = id, Kind = ProvisionKind.Document, Ordinal = 1, Children = [art1, art2, signature] },
            Text = string.Join('\n', addressee, label1 + text1, label2 + text2, issuer),
        };
    }

    public void Dispose()
    {
        _index.Dispose();
        System.IO.Directory.Delete(_path, recursive: true);
    }
}
