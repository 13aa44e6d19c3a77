using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gongbao.Search;

/// <summary>
/// What the index derives once per opened reader (i.e. per commit, not per query): the domain lexicon
/// read from the <c>lex</c>/<c>abbr</c> terms, and per segment the entries that have a twin — another
/// witness with the same ID — so the collector folds witnesses without hashing every hit.
/// </summary>
internal sealed class ReaderState
{
    private readonly FixedBitSet?[] _twins;
    private readonly FixedBitSet?[] _provisions;
    private readonly FixedBitSet?[] _placeholders;

    private ReaderState(SearchLexicon lexicon, FixedBitSet?[] twins, Dictionary<string, string> issuerAliases, FixedBitSet?[] blocks,
        FixedBitSet?[] provisions, FixedBitSet?[] placeholders, FacetTable facets)
    {
        Lexicon = lexicon;
        _twins = twins;
        IssuerAliases = issuerAliases;
        Blocks = blocks;
        _provisions = provisions;
        _placeholders = placeholders;
        Facets = facets;
    }

    /// <summary>The facet values of every entry, grouped (see <see cref="FacetTable"/>).</summary>
    public FacetTable Facets { get; }

    /// <summary>
    /// Per segment, the live entries of one type: passed as the accepted documents to the scorers, so a query needs no
    /// type filter (and a pure disjunction keeps Lucene's fast out-of-order scorer, which a filtered query loses).
    /// </summary>
    public FixedBitSet? LiveTypeDocs(int leaf, SearchLevel level)
    {
        var byLevel = level == SearchLevel.Document ? _liveDocuments : _liveProvisions;
        return leaf < byLevel.Length ? byLevel[leaf] : null;
    }

    private FixedBitSet?[] _liveDocuments = [];
    private FixedBitSet?[] _liveProvisions = [];

    private static FixedBitSet? Live(FixedBitSet? bits, IBits? live)
    {
        if (bits is null)
        {
            return null;
        }

        var result = (FixedBitSet)bits.Clone();
        if (live is not null)
        {
            for (var d = result.NextSetBit(0); d >= 0; d = d + 1 < result.Length ? result.NextSetBit(d + 1) : -1)
            {
                if (!live.Get(d))
                {
                    result.Clear(d);
                }
            }
        }

        return result;
    }

    /// <summary>Per segment, the annex placeholders and omitted texts (<see cref="SearchFields.Placeholder"/>).</summary>
    public FixedBitSet? PlaceholderDocs(int leaf) => leaf < _placeholders.Length ? _placeholders[leaf] : null;

    /// <summary>Per segment, the document entries: each starts the block of its provision entries (see <see cref="BlockJoinQuery"/>).</summary>
    public IReadOnlyList<FixedBitSet?> Blocks { get; }

    public SearchLexicon Lexicon { get; }

    /// <summary>Issuer facet values merged into another (北京广播电视局 → 北京市广播电视局).</summary>
    public IReadOnlyDictionary<string, string> IssuerAliases { get; }

    public string CanonicalIssuer(string name)
    {
        var form = IssuerNames.Canonical(name);
        return IssuerAliases.TryGetValue(form, out var c) ? c : form;
    }

    /// <summary>Every indexed issuer value that stands for <paramref name="canonical"/>.</summary>
    public IEnumerable<string> IssuerForms(string canonical) =>
        IssuerAliases.Where(kv => kv.Value == canonical).Select(kv => kv.Key).Prepend(canonical);

    public FixedBitSet? TwinDocs(int leaf) => leaf < _twins.Length ? _twins[leaf] : null;

    public static ReaderState Build(IndexReader reader)
    {
        var words = new List<string>();
        var abbreviations = new List<(string, string)>();
        var counts = new Dictionary<long, int>();
        var issuers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var r = leaf.AtomicReader;
            foreach (var term in Terms(r, SearchFields.Lexicon))
            {
                words.Add(term);
            }

            foreach (var term in Terms(r, SearchFields.Abbreviation))
            {
                var sep = term.IndexOf(SearchLexicon.PairSeparator, StringComparison.Ordinal);
                if (sep > 0)
                {
                    abbreviations.Add((term[..sep], term[(sep + 1)..]));
                }
            }

            issuers.UnionWith(Terms(r, SearchFields.Issuer));
            var ids = r.GetNumericDocValues(SearchFields.IdHash);
            var live = r.LiveDocs;
            if (ids is null)
            {
                continue;
            }

            for (var d = 0; d < r.MaxDoc; d++)
            {
                if (live is null || live.Get(d))
                {
                    var h = ids.Get(d);
                    counts[h] = counts.GetValueOrDefault(h) + 1;
                }
            }
        }

        var twins = new FixedBitSet?[reader.Leaves.Count];
        var blocks = new FixedBitSet?[reader.Leaves.Count];
        var provisions = new FixedBitSet?[reader.Leaves.Count];
        var placeholders = new FixedBitSet?[reader.Leaves.Count];
        foreach (var leaf in reader.Leaves)
        {
            blocks[leaf.Ord] = Postings(leaf.AtomicReader, new Term(SearchFields.Type, SearchFields.DocumentType));
            provisions[leaf.Ord] = Postings(leaf.AtomicReader, new Term(SearchFields.Type, SearchFields.ProvisionType));
            placeholders[leaf.Ord] = NonZero(leaf.AtomicReader, SearchFields.Placeholder);
            var r = leaf.AtomicReader;
            var ids = r.GetNumericDocValues(SearchFields.IdHash);
            if (ids is null)
            {
                continue;
            }

            FixedBitSet? bits = null;
            for (var d = 0; d < r.MaxDoc; d++)
            {
                if (counts.GetValueOrDefault(ids.Get(d)) > 1)
                {
                    (bits ??= new FixedBitSet(r.MaxDoc)).Set(d);
                }
            }

            twins[leaf.Ord] = bits;
        }

        return new ReaderState(new SearchLexicon(words.Distinct(StringComparer.Ordinal), abbreviations), twins, IssuerNames.ShortFormAliases(issuers), blocks,
            provisions, placeholders, FacetTable.Build(reader, FacetFields))
        {
            _liveDocuments = reader.Leaves.Select(l => Live(blocks[l.Ord], l.AtomicReader.LiveDocs)).ToArray(),
            _liveProvisions = reader.Leaves.Select(l => Live(provisions[l.Ord], l.AtomicReader.LiveDocs)).ToArray(),
        };
    }

    /// <summary>The facet fields, in the order search results list them.</summary>
    public static readonly string[] FacetFields = [SearchFields.Year, SearchFields.IssueYear, SearchFields.Issuer, SearchFields.Kind, SearchFields.Section];

    // Deleted entries stay in: a deleted document entry still bounds its (equally deleted) block.
    private static FixedBitSet? Postings(AtomicReader reader, Term term)
    {
        var docs = reader.GetTermDocsEnum(term);
        if (docs is null)
        {
            return null;
        }

        var bits = new FixedBitSet(reader.MaxDoc);
        for (var d = docs.NextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.NextDoc())
        {
            bits.Set(d);
        }

        return bits;
    }

    private static FixedBitSet? NonZero(AtomicReader reader, string field)
    {
        var values = reader.GetNumericDocValues(field);
        if (values is null)
        {
            return null;
        }

        FixedBitSet? bits = null;
        for (var d = 0; d < reader.MaxDoc; d++)
        {
            if (values.Get(d) != 0)
            {
                (bits ??= new FixedBitSet(reader.MaxDoc)).Set(d);
            }
        }

        return bits;
    }

    private static IEnumerable<string> Terms(AtomicReader reader, string field)
    {
        var terms = reader.GetTerms(field);
        if (terms is null)
        {
            yield break;
        }

        var e = terms.GetEnumerator();
        while (e.MoveNext())
        {
            yield return e.Term.Utf8ToString();
        }
    }
}
