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
    public const float TitleBoost = 4f;
    public const float TitleEnBoost = 2f;
    public const float HeadingBoost = 3f;
    public const float NumberBoost = 10f;
    public const float PhraseBoost = 2f;

    public Query? Build(SearchQuery query, SearchLevel level)
    {
        if (query.IsEmpty)
        {
            return null;
        }

        var root = new BooleanQuery();
        foreach (var term in query.Terms)
        {
            var either = new BooleanQuery();
            AddShould(either, Phrase(chinese, SearchFields.Text, term), 1f);
            if (level == SearchLevel.Document)
            {
                AddShould(either, Phrase(chinese, SearchFields.TitleZh, term), TitleBoost);
                AddShould(either, Phrase(english, SearchFields.TitleEn, term), TitleEnBoost);
            }
            else
            {
                AddShould(either, Phrase(chinese, SearchFields.Heading, term), HeadingBoost);
                AddShould(either, new TermQuery(new Term(SearchFields.Label, term)), HeadingBoost);
            }

            if (DocumentNumber.TryParse(term, out var termNumber) && termNumber is not null)
            {
                AddShould(either, new TermQuery(new Term(SearchFields.Number, termNumber.Canonical)), NumberBoost);
            }

            if (either.Clauses.Count == 0)
            {
                continue;
            }

            root.Add(either, Occur.MUST);
        }

        if (root.Clauses.Count == 0)
        {
            return null;
        }

        if (query.Number is { } number)
        {
            AddShould(root, new TermQuery(new Term(SearchFields.Number, number.Canonical)), NumberBoost);
        }

        if (query.Terms.Count > 1)
        {
            // Terms written apart but printed together: the concatenation as one phrase ranks first.
            var joined = string.Concat(query.Terms);
            AddShould(root, Phrase(chinese, SearchFields.Text, joined), PhraseBoost);
            AddShould(root, Phrase(chinese, level == SearchLevel.Document ? SearchFields.TitleZh : SearchFields.Heading, joined), PhraseBoost * TitleBoost);
        }

        return root;
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

        return count switch
        {
            0 => null,
            1 => new TermQuery(single),
            _ => phrase,
        };
    }
}
