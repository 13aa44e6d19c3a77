using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

using LuceneDocument = Lucene.Net.Documents.Document;

namespace Gongbao.Search.Tests;

/// <summary>
/// The index-add speed-ups change nothing indexed: the analysis (mapping char filter only where something maps,
/// lowering only tokens that have case) emits the tokens, positions and offsets of the plain Lucene chain, and the
/// keyword and date fields that share one token stream per thread write the same index files as Lucene's
/// <see cref="StringField"/> and <see cref="Int32Field"/>, and the document titles analysed once per witness and
/// replayed on its provision entries write the same index files as a <see cref="TextField"/> per entry.
/// </summary>
public sealed class IndexAnalysisEquivalenceTests
{
    private static readonly string[] Crafted =
    [
        "北京市ＡＢＣ规划ABC Ｉ İstanbul ΣΊΣΥΦΟΣ ß Straße ДОКУМЕНТ 2024年 第十四条",
        "廣播電視台局关于印发《北京市广播电视台局管理办法》的通知 釆集 數據",
        "MiXeD CaSe ｆｕｌｌ－ｗｉｄｔｈ １２３ e-mail: Test@Example.COM",
        "",
        "㐀䶵一龥 豈 𠀀𠀁 ＨＡＮ Ǆ ǅ ǆ ᾈ",
    ];

    private static IEnumerable<string> Texts() =>
        Crafted.Concat(SampleCorpus.Issues.SelectMany(i => i.Documents).SelectMany(d => new[] { d.TitleZh, d.TitleEn ?? "", d.Text }));

    /// <summary>The chain as it was: the mapping filter on every text, then Lucene's LowerCaseFilter.</summary>
    private sealed class ReferenceAnalyzer(bool indexUnigrams, bool bigrams = true) : Analyzer
    {
        private static readonly NormalizeCharMap Map = BuildMap();

        private static NormalizeCharMap BuildMap()
        {
            var builder = new NormalizeCharMap.Builder();
            var multi = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (variant, standard) in SearchVariants.Pairs)
            {
                builder.Add(variant, standard);
                multi.Add(variant);
            }

            foreach (var (traditional, simplified) in SearchVariants.Traditional)
            {
                if (!multi.Contains(traditional.ToString()))
                {
                    builder.Add(traditional.ToString(), simplified.ToString());
                }
            }

            return builder.Build();
        }

        protected override TextReader InitReader(string fieldName, TextReader reader) => new MappingCharFilter(Map, reader);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(ChineseAnalyzer.Version, reader) { MaxTokenLength = 255 };
            TokenStream stream = new CJKWidthFilter(source);
            stream = new LowerCaseFilter(ChineseAnalyzer.Version, stream);
            if (bigrams)
            {
                stream = new CJKBigramFilter(stream, CJKScript.ALL, indexUnigrams);
            }

            return new TokenStreamComponents(source, stream);
        }
    }

    private static List<string> Tokens(Analyzer analyzer, string text) => Tokens(analyzer.GetTokenStream("f", text), withType: true);

    private static List<string> Tokens(TokenStream tokenStream, bool withType)
    {
        var tokens = new List<string>();
        using var stream = tokenStream;
        var term = stream.AddAttribute<ICharTermAttribute>();
        var position = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var type = withType ? stream.AddAttribute<ITypeAttribute>() : null;
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add($"{term}|{position.PositionIncrement}|{offset.StartOffset}-{offset.EndOffset}" + (withType ? $"|{type!.Type}" : ""));
        }

        stream.End();
        tokens.Add($"end|{position.PositionIncrement}|{offset.StartOffset}-{offset.EndOffset}");
        return tokens;
    }

    [Fact]
    public void Analysis_emits_the_tokens_positions_and_offsets_of_the_plain_chain()
    {
        var pairs = new (Analyzer Ours, Analyzer Reference)[]
        {
            (ChineseAnalyzer.ForIndex(), new ReferenceAnalyzer(indexUnigrams: true)),
            (ChineseAnalyzer.ForQuery(), new ReferenceAnalyzer(indexUnigrams: false)),
            (ChineseAnalyzer.ForChars(), new ReferenceAnalyzer(indexUnigrams: true, bigrams: false)),
        };
        var compared = 0;
        var mapped = 0;
        foreach (var text in Texts())
        {
            foreach (var (ours, reference) in pairs)
            {
                var expected = Tokens(reference, text);
                Assert.Equal(expected, Tokens(ours, text));
                compared += expected.Count;
            }

            mapped += SearchVariants.Normalize(text) != text ? 1 : 0;
        }

        // Texts with something to map (the crafted ones) and a real volume of sample text were compared.
        Assert.True(mapped >= 2 && compared > 50_000, $"{compared} tokens, {mapped} texts with variants");
    }

    [Fact]
    public void Keyword_and_date_fields_write_the_index_files_of_Lucene_fields()
    {
        var witnesses = SampleCorpus.Issues.SelectMany(IndexedWitness.FromIssue).ToList();
        var ours = Write(witnesses.Select(w => SearchDocumentBuilder.Build(w)));
        var plain = Write(witnesses.Select(w => SearchDocumentBuilder.Build(w).Select(AsLuceneFields)));

        Assert.Equal(plain.Keys.Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
        Assert.True(plain.Values.Sum(b => b.Length) > 200_000, $"{plain.Values.Sum(b => b.Length)} bytes in {string.Join(", ", plain.Keys)}");
        foreach (var (file, bytes) in plain)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(ours[file]), $"{file} differs");
        }
    }

    private static readonly HashSet<string> DateFields = [SearchFields.SignedOn, SearchFields.PublishedOn, SearchFields.EffectiveFrom];

    /// <summary>The same document with every keyword and date field made the way Lucene makes them.</summary>
    private static LuceneDocument AsLuceneFields(LuceneDocument d)
    {
        var copy = new LuceneDocument();
        foreach (var f in d.Fields)
        {
            var type = f.IndexableFieldType;
            if (type.IsIndexed && !type.IsTokenized)
            {
                copy.Add(new StringField(f.Name, f.GetStringValue()!, type.IsStored ? Field.Store.YES : Field.Store.NO));
            }
            else if (type.IsIndexed && DateFields.Contains(f.Name))
            {
                copy.Add(new Int32Field(f.Name, int.Parse(f.GetStringValue()!, System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO));
            }
            else
            {
                copy.Add(f);
            }
        }

        return copy;
    }

    /// <summary>The index's analyzers, as GazetteIndex sets them up.</summary>
    private static PerFieldAnalyzerWrapper IndexAnalyzer()
    {
        var bigrams = ChineseAnalyzer.ForQuery();
        return new PerFieldAnalyzerWrapper(ChineseAnalyzer.ForIndex(), new Dictionary<string, Analyzer>
        {
            [SearchFields.TitleEn] = new EnglishAnalyzer(ChineseAnalyzer.Version),
            [SearchFields.Text] = bigrams,
            [SearchFields.RunEnds] = ChineseAnalyzer.ForChars(),
        });
    }

    /// <summary>One segment written as the index writes it (analysers and codec), every file but the timestamped segment info.</summary>
    private static Dictionary<string, byte[]> Write(IEnumerable<IEnumerable<LuceneDocument>> blocks)
    {
        GazetteCodec.Register();
        var analyzer = IndexAnalyzer();
        using var directory = new RAMDirectory();
        var config = new IndexWriterConfig(ChineseAnalyzer.Version, analyzer) { Codec = new GazetteCodec(), RAMBufferSizeMB = 256, UseCompoundFile = false };
        config.MergePolicy.NoCFSRatio = 0;
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var block in blocks)
            {
                writer.AddDocuments(block);
            }

            writer.Commit();
        }

        return directory.ListAll()
            .Where(f => !f.EndsWith(".si", StringComparison.Ordinal) && !f.StartsWith("segments", StringComparison.Ordinal))
            .ToDictionary(f => f, f =>
            {
                using var input = directory.OpenInput(f, IOContext.DEFAULT);
                var bytes = new byte[input.Length];
                input.ReadBytes(bytes, 0, bytes.Length);
                return bytes;
            }, StringComparer.Ordinal);
    }
}
