using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Gongbao.Search;

/// <summary>
/// Chinese text analysis without a dictionary: StandardTokenizer splits Han text into single
/// characters, CJKWidthFilter folds full-width ASCII, and CJKBigramFilter joins adjacent Han
/// characters into overlapping bigrams (an isolated Han character stays a unigram). With
/// <c>indexUnigrams</c> every unigram is kept as well (at the bigram's position): the short title and
/// heading fields are indexed that way, so one-character queries match there. The body text is
/// indexed as bigrams only (half the postings); a one-character query on it is a prefix of the bigram
/// terms or a character ending a run (<see cref="SearchFields.RunEnds"/>, analysed by <see cref="ForChars"/>). The query side emits bigrams only, so
/// a query of two or more characters becomes a phrase of consecutive bigrams, i.e. a substring match.
/// </summary>
public sealed class ChineseAnalyzer(bool indexUnigrams, bool bigrams = true) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static ChineseAnalyzer ForIndex() => new(indexUnigrams: true);

    public static ChineseAnalyzer ForQuery() => new(indexUnigrams: false);

    /// <summary>Single characters (and whole non-Han words): the <see cref="SearchFields.RunEnds"/> field.</summary>
    public static ChineseAnalyzer ForChars() => new(indexUnigrams: true, bigrams: false);

    // Known variants and conversion slips are folded before tokenising (SearchVariants), on both sides.
    protected override TextReader InitReader(string fieldName, TextReader reader) => SearchVariants.Filter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseUnlessCaselessFilter(stream);
        if (bigrams)
        {
            stream = new CJKBigramFilter(stream, CJKScript.ALL, indexUnigrams);
        }

        return new TokenStreamComponents(source, stream);
    }
}
