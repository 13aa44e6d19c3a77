using Gongbao.Domain;

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Gongbao.Search;

/// <summary>
/// Builds the Lucene query for a <see cref="SearchQuery"/>: every term must occur (as a phrase of its
/// bigrams, i.e. as a substring) in the text or a title field; title and heading hits, an exact
/// document number and the whole query as one phrase add boosts so they rank first.
/// </summary>
public sealed class SearchQueryBuilder(Analyzer chinese, Analyzer english)
{
    /// <summary>The query-side Chinese analyzer (bigrams).</summary>
    public Analyzer Chinese => chinese;

    public const float TitleBoost = 4f;
    public const float TitleEnBoost = 2f;
    public const float HeadingBoost = 3f;
    public const float NumberBoost = 10f;
    public const float PhraseBoost = 2f;

    /// <summary>Boost of the query's words found near each other (within <see cref="ProximitySlop"/> positions).</summary>
    public const float ProximityBoost = 1.5f;

    public const int ProximitySlop = 12;

    /// <summary>How many of a search's best hits by its matching pass are scored again by the exact query (see <c>exact</c>).</summary>
    public const int RescoreWindow = 100;

    /// <summary>The words a query term is matched as (one entry for a quoted phrase), with the lexicon used.</summary>
    public static IReadOnlyList<string> Words(SearchQuery query, int index, SearchLexicon lexicon) =>
        query.Quoted.Contains(index) ? [query.Terms[index]] : QuerySegmenter.Split(query.Terms[index], lexicon);

    public Query? Build(SearchQuery query, SearchLevel level) => Build(query, level, SearchLexicon.Empty);

    /// <summary>Weight of a word found only in the title of a provision's document.</summary>
    public const float DocumentTitleWeight = 0.3f;

    /// <summary>
    /// Every word must occur (AND): an unquoted term is split into words (幼儿园补助 → 幼儿园 + 补助), a quoted
    /// one is a phrase. Each word matches as a phrase of its bigrams in the text, the heading or the title,
    /// or as any full form of it when it is an abbreviation. The whole term as printed and the words near
    /// each other add boosts, so the exact phrase ranks first without being required.
    /// </summary>
    /// <param name="relaxed">All but one word must occur (the retry when every word finds nothing).</param>
    /// <param name="exact">
    /// False for a search's matching pass: without the boosts of the query printed exactly, or its words close together, in
    /// the body text (phrases checked in every matching provision, at document level of every matching document), and at
    /// document level with a document's body scored by its first matching provision instead of its best
    /// (<see cref="BlockJoinQuery.FirstOnly"/>). That query matches the same entries for a fraction of the work; the search
    /// ranks by it and scores its best <see cref="RescoreWindow"/> hits again with the exact query. A query with no such boost
    /// (one word) is its own matching query.
    /// </param>
    /// <param name="blocks">
    /// Document entries per segment: at document level the body text is then matched in the document's
    /// provision entries too (<see cref="BlockJoinQuery"/>); without it, only in the entry itself (the form
    /// used to pick a document hit's best provision).
    /// </param>
    public Query? Build(SearchQuery query, SearchLevel level, SearchLexicon lexicon, bool relaxed = false, IReadOnlyList<Lucene.Net.Util.FixedBitSet?>? blocks = null, bool exact = true)
    {
        if (query.IsEmpty)
        {
            return null;
        }

        var join = level == SearchLevel.Document ? blocks : null;
        var firstOnly = !exact;
        var deferred = false;

        var root = new BooleanQuery();
        var allWords = new List<string>();
        var required = new List<Query>();
        for (var t = 0; t < query.Terms.Count; t++)
        {
            var term = query.Terms[t];
            var rest = term;
            if (DocumentNumber.Find(term) is { } termNumber)
            {
                // The number is matched exactly (or as printed in the text); what follows it (第十四条) is matched on its own.
                var either = new BooleanQuery();
                AddShould(either, new TermQuery(new Term(SearchFields.Number, termNumber.Canonical)), NumberBoost);
                AddShould(either, Body(Phrase(chinese, SearchFields.Text, termNumber.Printed), join, firstOnly), 1f);
                root.Add(either, Occur.MUST);
                rest = term.Replace(termNumber.Printed, " ", StringComparison.Ordinal).Trim();
                if (rest.Length == 0)
                {
                    continue;
                }
            }

            var words = query.Quoted.Contains(t) ? [rest] : QuerySegmenter.Split(rest, lexicon);
            foreach (var word in words)
            {
                if (WordClause(word, level, lexicon, blocks, firstOnly) is { } clause)
                {
                    required.Add(clause);
                    allWords.Add(word);
                }
            }

            if (words.Count > 1)
            {
                // Printed exactly as typed: the strongest evidence.
                deferred |= !exact;
                if (exact)
                {
                    AddShould(root, Body(Phrase(chinese, SearchFields.Text, rest), join, firstOnly), PhraseBoost);
                }

                AddShould(root, Phrase(chinese, level == SearchLevel.Document ? SearchFields.TitleZh : SearchFields.Heading, rest), PhraseBoost * TitleBoost);
            }
        }

        if (relaxed && required.Count > 2)
        {
            var most = new BooleanQuery { MinimumNumberShouldMatch = required.Count - 1 };
            foreach (var clause in required)
            {
                most.Add(clause, Occur.SHOULD);
            }

            root.Add(most, Occur.MUST);
        }
        else
        {
            foreach (var clause in required)
            {
                root.Add(clause, Occur.MUST);
            }
        }

        if (!root.Clauses.Any(c => c.Occur == Occur.MUST))
        {
            return null;
        }

        if (query.Number is { } number && query.Terms.Count > 1)
        {
            AddShould(root, new TermQuery(new Term(SearchFields.Number, number.Canonical)), NumberBoost);
        }

        if (query.Terms.Count > 1)
        {
            // Terms written apart but printed together: the concatenation as one phrase ranks first.
            var joined = string.Concat(query.Terms);
            deferred |= !exact;
            if (exact)
            {
                AddShould(root, Body(Phrase(chinese, SearchFields.Text, joined), join, firstOnly), PhraseBoost);
            }

            AddShould(root, Phrase(chinese, level == SearchLevel.Document ? SearchFields.TitleZh : SearchFields.Heading, joined), PhraseBoost * TitleBoost);
        }

        if (allWords.Count > 2 && level == SearchLevel.Provision)
        {
            // Sloppy phrases cost time in proportion to positions: only for several words, and never over whole
            // document texts (two words printed together are already boosted by the phrase above).
            deferred |= !exact;
            if (exact)
            {
                AddShould(root, Proximity(allWords), ProximityBoost);
            }
        }

        // With no boost to leave for the window, a matching pass would only trade each document's best provision for its
        // first, and the window would score the best hits again for nothing: the exact query is the matching query then.
        return exact || deferred ? root : Build(query, level, lexicon, relaxed, blocks, exact: true);
    }

    // At document level the body text lives in the document's provision entries: match it there.
    private static Query? Body(Query? text, IReadOnlyList<Lucene.Net.Util.FixedBitSet?>? blocks, bool firstOnly) =>
        text is null || blocks is null ? text : new BlockJoinQuery(text, blocks, firstOnly);

    // blocks: at document level the body is matched in the block's entries; at provision level the document title is
    // matched on the block's document entry (it is indexed there only). Without blocks, only the entry itself.
    private Query? WordClause(string word, SearchLevel level, SearchLexicon lexicon, IReadOnlyList<Lucene.Net.Util.FixedBitSet?>? blocks, bool firstOnly)
    {
        var join = level == SearchLevel.Document ? blocks : null;
        var either = new BooleanQuery();
        var forms = lexicon.Abbreviations.TryGetValue(SearchVariants.Normalize(word), out var full) ? full.Prepend(word) : [word];
        var first = true;
        foreach (var form in forms)
        {
            // An expansion counts a little less than the word as typed.
            var weight = first ? 1f : 0.8f;
            first = false;
            AddShould(either, Body(Phrase(chinese, SearchFields.Text, form), join, firstOnly), weight);
            if (level == SearchLevel.Document)
            {
                AddShould(either, Phrase(chinese, SearchFields.TitleZh, form), TitleBoost * weight);
                AddShould(either, Phrase(english, SearchFields.TitleEn, form), TitleEnBoost * weight);
            }
            else
            {
                AddShould(either, Phrase(chinese, SearchFields.Heading, form), HeadingBoost * weight);
                if (blocks is not null && Phrase(chinese, SearchFields.TitleZh, form) is { } title)
                {
                    AddShould(either, new BlockParentQuery(title, blocks), DocumentTitleWeight * weight);
                }

                AddShould(either, new TermQuery(new Term(SearchFields.Label, form)), HeadingBoost * weight);
            }
        }

        return either.Clauses.Count == 0 ? null : either;
    }

    // The words' bigrams at their distance in the query, matched with slop: words close together in the text score higher.
    private Query? Proximity(IReadOnlyList<string> words)
    {
        var phrase = new PhraseQuery { Slop = ProximitySlop };
        var position = 0;
        var count = 0;
        foreach (var word in words)
        {
            var last = position;
            using var stream = chinese.GetTokenStream(SearchFields.Text, word);
            var termAtt = stream.AddAttribute<ICharTermAttribute>();
            var posAtt = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var p = position - 1;
            while (stream.IncrementToken())
            {
                p += Math.Max(posAtt.PositionIncrement, 0);
                phrase.Add(new Term(SearchFields.Text, termAtt.ToString()), Math.Max(p, position));
                last = Math.Max(p, position);
                count++;
            }

            stream.End();
            position = last + 2;
        }

        return count > 1 ? phrase : null;
    }

    private static void AddShould(BooleanQuery into, Query? q, float boost)
    {
        if (q is null)
        {
            return;
        }

        q.Boost = boost;
        into.Add(q, Occur.SHOULD);
    }

    /// <summary>The analysed tokens of <paramref name="text"/> as a phrase (or a single term query).</summary>
    public static Query? Phrase(Analyzer analyzer, string field, string text)
    {
        var phrase = new PhraseQuery();
        var count = 0;
        Term? single = null;
        using (var stream = analyzer.GetTokenStream(field, text))
        {
            var termAtt = stream.AddAttribute<ICharTermAttribute>();
            var posAtt = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += Math.Max(posAtt.PositionIncrement, 0);
                var term = new Term(field, termAtt.ToString());
                phrase.Add(term, Math.Max(position, 0));
                single = term;
                count++;
            }

            stream.End();
        }

        if (count == 1 && field == SearchFields.Text && single!.Text.Length == 1 && SearchDocumentBuilder.IsHan(single.Text[0]))
        {
            // The body is indexed as bigrams only: one character is a bigram starting with it (or itself, when
            // isolated), or a character ending a run, which no bigram starts with.
            return new BooleanQuery
            {
                { new PrefixQuery(single), Occur.SHOULD },
                { new TermQuery(new Term(SearchFields.RunEnds, single.Text)), Occur.SHOULD },
            };
        }

        return count switch
        {
            0 => null,
            1 => new TermQuery(single),
            _ => phrase,
        };
    }
}
