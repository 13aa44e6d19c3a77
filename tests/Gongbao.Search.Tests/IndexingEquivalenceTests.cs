using System.Text.RegularExpressions;

using Gongbao.Domain;

namespace Gongbao.Search.Tests;

/// <summary>
/// The indexing speed-ups must not change what is indexed: the fold keys and harvested lexicon of the
/// samples equal those of the straightforward implementations kept here as the reference.
/// </summary>
public sealed partial class IndexingEquivalenceTests
{
    private static IEnumerable<GazetteDocument> SampleDocuments() =>
        SampleCorpus.Issues.SelectMany(i => i.Documents);

    [Fact]
    public void Fold_keys_of_the_samples_equal_the_whole_text_fold()
    {
        var compared = 0;
        foreach (var doc in SampleDocuments())
        {
            foreach (var root in doc.Instruments.Select(i => i.Body).Prepend(doc.Body))
            {
                foreach (var (provision, text, _) in SearchDocumentBuilder.SearchableProvisionsWithPath(root))
                {
                    Assert.Equal(ReferenceFoldKey(doc.Id, provision, "1.2", text), SearchDocumentBuilder.FoldKey(doc.Id, provision, "1.2", text));
                    compared++;
                }
            }
        }

        Assert.True(compared > 500, $"only {compared} provisions compared");
    }

    [Fact]
    public void Fold_keys_equal_the_whole_text_fold_when_a_multi_character_variant_straddles_the_folded_head()
    {
        var provision = new Provision { Id = "p", Kind = ProvisionKind.Article };
        // The 6 → 5 variant (广播电视台局) and traditional/full-width characters at every offset around the head sizes (64, 128).
        for (var pad = 0; pad < 140; pad++)
        {
            foreach (var filler in new[] { "，", "a", "國", "Ａ", "　" })
            {
                var text = string.Concat(Enumerable.Repeat(filler, pad)) + "廣播電視臺局關於本市發展的規定，" + string.Concat(Enumerable.Repeat("第一條", 20));
                Assert.Equal(ReferenceFoldKey("d", provision, "1", text), SearchDocumentBuilder.FoldKey("d", provision, "1", text));
                var shortText = text[..Math.Min(text.Length, pad + 10)];
                Assert.Equal(ReferenceFoldKey("d", provision, "1", shortText), SearchDocumentBuilder.FoldKey("d", provision, "1", shortText));
            }
        }
    }

    [Fact]
    public void Every_defined_term_match_in_the_samples_contains_the_prefilter_literal()
    {
        // Harvest skips the regex on texts without （以下 or (以下: sound only if every match contains one.
        var texts = SampleDocuments().Select(SearchDocumentBuilder.DocumentText).ToList();
        var matches = texts.SelectMany(t => DefinedTerm().Matches(t)).ToList();
        Assert.NotEmpty(matches);
        Assert.All(matches, m => Assert.True(m.Value.Contains("（以下", StringComparison.Ordinal) || m.Value.Contains("(以下", StringComparison.Ordinal), m.Value));
        Assert.Contains(texts, t => !t.Contains("（以下", StringComparison.Ordinal) && !t.Contains("(以下", StringComparison.Ordinal));
    }

    [Fact]
    public void Harvest_finds_a_defined_term_with_either_parenthesis()
    {
        foreach (var open in new[] { "（", "(" })
        {
            var body = new Provision { Id = "d/body", Kind = ProvisionKind.Document, Text = $"北京市规划和自然资源委员会{open}以下简称“市规划自然资源委”）负责本办法的实施。" };
            var doc = new GazetteDocument { Id = "d", Ordinal = 1, TitleZh = "测试办法", Kind = DocumentKind.Measures, Body = body };
            var (_, abbreviations) = SearchLexicon.Harvest(doc);
            Assert.Contains(("市规划自然资源委", "市规划和自然资源委员会"), abbreviations);
        }
    }

    // The fold key as first written: the whole text folded, then 24 letters and digits taken.
    private static string ReferenceFoldKey(string documentId, Provision provision, string numbers, string text)
    {
        var prefix = new System.Text.StringBuilder();
        foreach (var c in SearchVariants.Normalize(TextFold.Fold(text)))
        {
            if (char.IsLetterOrDigit(c))
            {
                prefix.Append(c);
                if (prefix.Length == 24)
                {
                    break;
                }
            }
        }

        return $"{documentId}|{provision.Kind}|{numbers}|{prefix}";
    }

    [GeneratedRegex(@"(?<full>[^，。；：、,;:\n]{2,60})[（(]以下(?:简称|称)[“""《「]?(?<short>[^”""》」）)]{1,12})[”""》」]?[）)]")]
    private static partial Regex DefinedTerm();
}
