using System.Text;
using System.Text.RegularExpressions;

using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;

namespace Gongbao.Search;

/// <summary>
/// Splits an unspaced query term into words: domain words (<see cref="SearchLexicon"/>) by longest
/// match first, the rest by SmartCn's dictionary + HMM segmenter. Runs of single characters SmartCn
/// could not place (能/效, 医/保) are joined back, since a single Han character matches far too much;
/// lone function characters (的, 和) are dropped. Article labels (第十四条) stay whole.
/// </summary>
public static partial class QuerySegmenter
{
    private static readonly HashSet<string> FunctionCharacters = new(StringComparer.Ordinal)
    {
        "的", "了", "和", "与", "及", "或", "在", "是", "对", "为", "等", "之", "中", "于", "把", "被", "有",
    };

    /// <summary>Question and filler words of typed questions (评价结果有异议怎么办): never printed in the answer.</summary>
    private static readonly string[] QuestionWords = ["怎么办", "怎么样", "怎么", "如何", "什么", "哪些", "怎样", "是否", "多少", "有哪些", "吗", "呢"];

    public static IReadOnlyList<string> Split(string term, SearchLexicon lexicon)
    {
        // The same query is split several times per search (query, highlighting) and repeats across searches.
        if (lexicon.Segmentations.TryGetValue(term, out var cached))
        {
            return cached;
        }

        var words = SplitUncached(term, lexicon);
        if (lexicon.Segmentations.Count < 10_000)
        {
            lexicon.Segmentations[term] = words;
        }

        return words;
    }

    private static IReadOnlyList<string> SplitUncached(string term, SearchLexicon lexicon)
    {
        var text = SearchVariants.Normalize(term.Trim());
        foreach (var q in QuestionWords)
        {
            if (text.Length > q.Length + 1 && text.EndsWith(q, StringComparison.Ordinal))
            {
                text = text[..^q.Length];
            }
            else if (text.Length > q.Length + 1 && q.Length > 1 && text.StartsWith(q, StringComparison.Ordinal))
            {
                text = text[q.Length..];
            }
        }

        if (text.Length <= 2 || lexicon.Words.Contains(text))
        {
            return [text];
        }

        var words = new List<string>();
        var pos = 0;
        foreach (Match m in Label().Matches(text))
        {
            SplitRun(text[pos..m.Index], lexicon, words);
            words.Add(m.Value);
            pos = m.Index + m.Length;
        }

        SplitRun(text[pos..], lexicon, words);
        return words.Count == 0 ? [text] : words;
    }

    private static void SplitRun(string run, SearchLexicon lexicon, List<string> words)
    {
        if (run.Length == 0)
        {
            return;
        }

        var pieces = new List<string>();
        var gap = new StringBuilder();
        var i = 0;
        while (i < run.Length)
        {
            var len = LongestLexiconWord(run, i, lexicon);
            if (len > 0)
            {
                Segment(gap.ToString(), pieces);
                gap.Clear();
                pieces.Add(run.Substring(i, len));
                i += len;
            }
            else
            {
                gap.Append(run[i]);
                i++;
            }
        }

        Segment(gap.ToString(), pieces);

        // Join runs of single characters; drop function characters standing alone.
        var single = new StringBuilder();
        foreach (var p in pieces)
        {
            if (p.Length == 1 && !FunctionCharacters.Contains(p))
            {
                single.Append(p);
                continue;
            }

            FlushSingles();
            if (!(p.Length == 1 && FunctionCharacters.Contains(p)))
            {
                words.Add(p);
            }
        }

        FlushSingles();

        void FlushSingles()
        {
            if (single.Length > 0)
            {
                words.Add(single.ToString());
                single.Clear();
            }
        }
    }

    private static int LongestLexiconWord(string run, int start, SearchLexicon lexicon)
    {
        for (var len = Math.Min(lexicon.MaxWordLength, run.Length - start); len >= 2; len--)
        {
            if (lexicon.Words.Contains(run.Substring(start, len)))
            {
                return len;
            }
        }

        return 0;
    }

    private static void Segment(string text, List<string> into)
    {
        if (text.Length == 0)
        {
            return;
        }

        using var tokenizer = new HMMChineseTokenizer(new StringReader(text));
        var term = tokenizer.AddAttribute<ICharTermAttribute>();
        var offset = tokenizer.AddAttribute<IOffsetAttribute>();
        tokenizer.Reset();
        while (tokenizer.IncrementToken())
        {
            // Offsets, not the term: SmartCn rewrites punctuation and full-width digits in its terms.
            var word = text[offset.StartOffset..offset.EndOffset];
            if (word.Any(char.IsLetterOrDigit))
            {
                into.Add(word);
            }
        }

        tokenizer.End();
    }

    /// <summary>Loads SmartCn's dictionaries (seconds, once per process) ahead of the first query.</summary>
    public static void Warm() => Split("预热分词词典", SearchLexicon.Empty);

    [GeneratedRegex(@"第[一二三四五六七八九十百零〇0-9０-９]+[条款项章节]")]
    private static partial Regex Label();
}
