using System.Globalization;

using Gongbao.Domain;

using Lucene.Net.Documents;
using Lucene.Net.Util;

using LuceneDocument = Lucene.Net.Documents.Document;

namespace Gongbao.Search;

/// <summary>
/// Turns a document witness into Lucene documents: one for the document (title, number, whole text)
/// and one per searchable provision. Articles are indexed whole (with their paragraphs and items), so
/// a term inside an item finds the article; outside articles every unit with text is its own hit.
/// </summary>
public static class SearchDocumentBuilder
{
    public static IEnumerable<LuceneDocument> Build(IndexedWitness witness)
    {
        var doc = witness.Document;
        var shared = new WitnessValues(witness);
        yield return BuildDocument(witness, shared);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in new[] { doc.Body }.Concat(doc.Instruments.Select(i => i.Body)))
        {
            foreach (var (provision, text, path, numbers) in Walk(root))
            {
                if (seen.Add(provision.Id))
                {
                    yield return BuildProvision(witness, shared, provision, text, path, FoldKey(doc.Id, provision, numbers, text));
                }
            }
        }
    }

    /// <summary>The values every entry of one witness repeats (its document's facts, in index form), worked out once per witness.</summary>
    private sealed class WitnessValues
    {
        public WitnessValues(IndexedWitness witness)
        {
            var doc = witness.Document;
            Kinds = [.. doc.Instruments.Select(i => i.Kind).Prepend(doc.Kind).Distinct().Select(k => k.ToString())];
            PrimaryKind = new BytesRef((doc.Instruments.Count > 0 ? doc.Instruments[0].Kind : doc.Kind).ToString());
            Year = witness.DocumentYear?.ToString(CultureInfo.InvariantCulture);
            IssueYear = witness.IssueYear?.ToString(CultureInfo.InvariantCulture);
            Issuers = [.. doc.Issuers.Distinct(StringComparer.Ordinal).Select(i => (i, IssuerNames.Canonical(i)))];
            Rank = WitnessRank(witness);
        }

        public List<string> Kinds { get; }

        public BytesRef PrimaryKind { get; }

        public string? Year { get; }

        public string? IssueYear { get; }

        public List<(string Printed, string Form)> Issuers { get; }

        public int Rank { get; }
    }

    /// <summary>The provisions that become search hits, each with the text indexed for it.</summary>
    public static IEnumerable<(Provision Provision, string Text)> SearchableProvisions(Provision root) =>
        SearchableProvisionsWithPath(root).Select(p => (p.Provision, p.Text));

    /// <summary>The provisions that become search hits, with their text and the labels leading to them (二、 › (三) › 11.).</summary>
    public static IEnumerable<(Provision Provision, string Text, string Path)> SearchableProvisionsWithPath(Provision root) =>
        Walk(root).Select(w => (w.Provision, w.Text, w.Path));

    /// <summary>
    /// Key shared by the same provision in different witnesses of one document, whose IDs may differ (a
    /// standalone text of the measures numbers them from the top, the gazette under the notice's inst-1):
    /// document, kind, the numbers along the path, and the start of the text in search form.
    /// </summary>
    public static string FoldKey(string documentId, Provision provision, string numbers, string text) =>
        $"{documentId}|{provision.Kind}|{numbers}|{FoldKeyPrefix(text)}";

    private const int FoldKeyLength = 24;

    /// <summary>
    /// The first <see cref="FoldKeyLength"/> letters and digits of the search form of <paramref name="text"/>,
    /// folding only a growing head of it (an article's whole text was folded for 24 characters). Folding is per
    /// character except 广播电视台局 → 广播电视局 (Pairs, 6 → 5), which a cut can split: the last 6 characters of
    /// a folded head may differ from the whole text's, so only those before them are taken unless the head is the whole text.
    /// </summary>
    private static string FoldKeyPrefix(string text)
    {
        var prefix = new System.Text.StringBuilder(FoldKeyLength);
        for (var head = Math.Min(text.Length, 64); ; head = Math.Min(text.Length, head * 2))
        {
            var whole = head == text.Length;
            var folded = SearchVariants.Normalize(TextFold.Fold(whole ? text : text[..head]));
            var settled = whole ? folded.Length : folded.Length - SearchVariants.LongestVariant;
            prefix.Clear();
            for (var i = 0; i < settled && prefix.Length < FoldKeyLength; i++)
            {
                if (char.IsLetterOrDigit(folded[i]))
                {
                    prefix.Append(folded[i]);
                }
            }

            if (whole || prefix.Length == FoldKeyLength)
            {
                return prefix.ToString();
            }
        }
    }

    private static IEnumerable<(Provision Provision, string Text, string Path, string Numbers)> Walk(Provision root)
    {
        var stack = new Stack<(Provision P, string Path, string Numbers)>();
        stack.Push((root, "", ""));
        while (stack.Count > 0)
        {
            var (p, parent, parentNumbers) = stack.Pop();
            var structural = p.Kind is ProvisionKind.Document or ProvisionKind.Instrument;
            var path = structural || p.Label is not { Length: > 0 }
                ? parent
                : parent.Length == 0 ? p.Label : parent + PathSeparator + p.Label;
            var numbers = structural ? parentNumbers : $"{parentNumbers}.{p.Number?.ToString(CultureInfo.InvariantCulture) ?? p.Ordinal.ToString(CultureInfo.InvariantCulture)}";
            if (p.Kind == ProvisionKind.Article)
            {
                yield return (p, ProvisionText(p, whole: true), path, numbers);
                continue;
            }

            if (p.Kind is not (ProvisionKind.Document or ProvisionKind.Instrument or ProvisionKind.Signature))
            {
                var own = ProvisionText(p, whole: false);
                if (own.Length > 0)
                {
                    yield return (p, own, path, numbers);
                }
            }

            for (var i = p.Children.Count - 1; i >= 0; i--)
            {
                stack.Push((p.Children[i], path, numbers));
            }
        }
    }

    public const string PathSeparator = " › ";

    /// <summary>An annex placeholder or omitted text: short, and says 略 or only names an annex.</summary>
    public static bool IsPlaceholder(string text)
    {
        var t = text.Trim();
        if (t.Length > 80)
        {
            return false;
        }

        return t.Contains("(略)", StringComparison.Ordinal) || t.Contains("（略）", StringComparison.Ordinal)
            || t.EndsWith("略", StringComparison.Ordinal)
            || (t.StartsWith("附件", StringComparison.Ordinal) && !t.Contains('。'));
    }

    /// <summary>Text shown and indexed for a provision: its own text (with table cells), or with all descendants.</summary>
    public static string ProvisionText(Provision p, bool whole)
    {
        if (!whole)
        {
            return OwnText(p);
        }

        return string.Join('\n', p.DescendantsAndSelf().Select(OwnText).Where(t => t.Length > 0));
    }

    private static string OwnText(Provision p)
    {
        if (p.Text.Length > 0 || p.Cells is null)
        {
            return p.Text;
        }

        return string.Join('\n', p.Cells.Select(row => string.Join('\t', row)));
    }

    /// <summary>The whole text of a document with the instruments it issues, for indexing and display.</summary>
    public static string DocumentText(GazetteDocument doc)
    {
        var parts = new[] { doc }.Concat(doc.Instruments)
            .Select(d => d.Text.Length > 0 ? d.Text : ProvisionText(d.Body, whole: true))
            .Where(t => t.Length > 0);
        return string.Join('\n', parts);
    }

    private static LuceneDocument BuildDocument(IndexedWitness witness, WitnessValues shared)
    {
        var doc = witness.Document;
        var d = Common(witness, shared, SearchFields.DocumentType, doc.Id, doc.Id, filterable: true);
        var title = doc.TitleZh;
        d.Add(new TextField(SearchFields.TitleZh, title, Field.Store.YES));
        foreach (var instrument in doc.Instruments)
        {
            // The instrument's title (the 办法 a notice issues) is what people search for.
            d.Add(new TextField(SearchFields.TitleZh, instrument.TitleZh, Field.Store.NO));
        }

        if (doc.TitleEn is { Length: > 0 } en)
        {
            d.Add(new TextField(SearchFields.TitleEn, en, Field.Store.YES));
        }

        // Only the text no provision entry holds: the provisions follow this entry in its block and a
        // document-level query reaches them through BlockJoinQuery, so articles are not indexed twice.
        var residual = ResidualText(doc);
        if (residual.Length > 0)
        {
            d.Add(new TextField(SearchFields.Text, residual, Field.Store.NO));
            d.Add(new Field(SearchFields.RunEnds, RunEnds(residual), RunEndsType));
        }
        var (words, abbreviations) = SearchLexicon.Harvest(doc);
        foreach (var word in words.Select(SearchVariants.Normalize).Where(w => w.Length is >= 2 and <= 16).Distinct(StringComparer.Ordinal))
        {
            d.Add(IndexFields.Keyword(SearchFields.Lexicon, word, Field.Store.NO));
        }

        foreach (var (shortForm, full) in abbreviations.Distinct())
        {
            d.Add(IndexFields.Keyword(SearchFields.Abbreviation, shortForm + SearchLexicon.PairSeparator + full, Field.Store.NO));
        }

        return d;
    }

    private static LuceneDocument BuildProvision(IndexedWitness witness, WitnessValues shared, Provision provision, string text, string path, string foldKey)
    {
        var doc = witness.Document;
        var d = Common(witness, shared, SearchFields.ProvisionType, provision.Id, foldKey, filterable: false);
        d.Add(new StoredField(SearchFields.TitleZh, doc.TitleZh));
        if (provision.Label is { Length: > 0 } label)
        {
            d.Add(IndexFields.Keyword(SearchFields.Label, label, Field.Store.YES));
        }

        if (provision.Heading is { Length: > 0 } heading)
        {
            d.Add(new TextField(SearchFields.Heading, heading, Field.Store.YES));
        }

        if (path.Length > 0)
        {
            d.Add(new StoredField(SearchFields.Path, path));
        }

        if (IsPlaceholder(text))
        {
            d.Add(new NumericDocValuesField(SearchFields.Placeholder, 1));
        }

        d.Add(new TextField(SearchFields.Text, text, Field.Store.YES));
        d.Add(new Field(SearchFields.RunEnds, RunEnds(text), RunEndsType));
        return d;
    }

    // Positionless and without norms: one-character words only need to know which entries hold the character.
    private static readonly FieldType RunEndsType = NewRunEndsType();

    /// <summary>The distinct Han characters of <paramref name="text"/> that no Han character follows, space-separated.</summary>
    public static string RunEnds(string text)
    {
        // Distinct, in order of first appearance (as a HashSet without removals enumerates); a run has few ends.
        var ends = new List<char>();
        var han = text.Length > 0 && IsHan(text[0]);
        for (var i = 0; i < text.Length; i++)
        {
            var nextHan = i + 1 < text.Length && IsHan(text[i + 1]);
            if (han && !nextHan && !ends.Contains(text[i]))
            {
                ends.Add(text[i]);
            }

            han = nextHan;
        }

        return string.Join(' ', ends);
    }

    /// <summary>A character the analyzer joins into bigrams (Han, kana, Hangul: letters without case).</summary>
    public static bool IsHan(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter;

    private static FieldType NewRunEndsType()
    {
        var type = new FieldType
        {
            IsIndexed = true,
            IsTokenized = true,
            IsStored = false,
            OmitNorms = true,
            IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_ONLY,
        };
        type.Freeze();
        return type;
    }

    /// <summary>
    /// Text of a document that no searchable provision holds: the addressees and the own text of the
    /// document, instrument and signature nodes (preambles, signing agencies and dates).
    /// </summary>
    public static string ResidualText(GazetteDocument doc)
    {
        var parts = new List<string>();
        foreach (var d in doc.Instruments.Prepend(doc))
        {
            parts.AddRange(d.Addressees);
            foreach (var p in d.Body.DescendantsAndSelf())
            {
                if (p.Kind is ProvisionKind.Document or ProvisionKind.Instrument or ProvisionKind.Signature && OwnText(p) is { Length: > 0 } own)
                {
                    parts.Add(own);
                }
            }
        }

        return string.Join('\n', parts);
    }

    /// <summary>
    /// The fields every entry of a witness has. The document's facts (kind, years, section, issuers, dates) are stored and
    /// kept as doc values (facets, sorting) on every entry, but indexed as terms only where <paramref name="filterable"/>, on
    /// the document entry: a filter at provision level is matched there and reaches the provisions through their block
    /// (<see cref="BlockParentQuery"/>), as the entries of one witness share those facts.
    /// </summary>
    private static LuceneDocument Common(IndexedWitness witness, WitnessValues shared, string type, string id, string foldKey, bool filterable)
    {
        var doc = witness.Document;
        var d = new LuceneDocument
        {
            IndexFields.Keyword(SearchFields.Type, type, Field.Store.YES),
            IndexFields.Keyword(SearchFields.Id, id, Field.Store.YES),
            new NumericDocValuesField(SearchFields.IdHash, IdHash(foldKey)),
            IndexFields.Keyword(SearchFields.DocumentId, doc.Id, Field.Store.YES),
            IndexFields.Keyword(SearchFields.Issue, witness.IssueId, Field.Store.YES),
            new StoredField(SearchFields.WitnessRank, shared.Rank),
            new NumericDocValuesField(SearchFields.WitnessRank, shared.Rank),
        };
        // The document's own kind first (shown on hits), then the kinds of the instruments it issues:
        // a 关于印发《…办法》的通知 is found under Measures as well as Notice.
        foreach (var kind in shared.Kinds)
        {
            d.Add(filterable ? IndexFields.Keyword(SearchFields.Kind, kind, Field.Store.YES) : new StoredField(SearchFields.Kind, kind));
        }

        // The facet counts each hit once, under what the document issues (the 办法 of a 关于印发…的通知), else its own kind.
        // (Doc values writers copy the bytes: one BytesRef serves every entry of the witness.)
        d.Add(new SortedDocValuesField(SearchFields.Kind, shared.PrimaryKind));

        if (shared.Year is { } year)
        {
            AddFacet(d, SearchFields.Year, year, filterable);
        }

        if (shared.IssueYear is { } issueYear)
        {
            AddFacet(d, SearchFields.IssueYear, issueYear, filterable);
        }

        AddDate(d, SearchFields.SignedOn, doc.SignedOn, filterable);
        AddDate(d, SearchFields.PublishedOn, witness.PublishedOn, filterable);
        AddDate(d, SearchFields.EffectiveFrom, doc.EffectiveFrom, filterable);

        if (doc.Section is { Length: > 0 } section)
        {
            AddFacet(d, SearchFields.Section, section, filterable);
        }

        foreach (var (issuer, form) in shared.Issuers)
        {
            // Shown as printed; filtered and counted in the search form, so a slip does not split a facet.
            d.Add(new StoredField(SearchFields.Issuer, issuer));
            if (filterable)
            {
                d.Add(IndexFields.Keyword(SearchFields.Issuer, form, Field.Store.NO));
            }

            d.Add(new SortedSetDocValuesField(SearchFields.Issuer, new BytesRef(form)));
        }

        if (doc.Number is { } number)
        {
            d.Add(IndexFields.Keyword(SearchFields.Number, number.Canonical, Field.Store.YES));
        }

        return d;
    }

    /// <summary>64-bit FNV-1a of the ID's UTF-16 code units: IDs are short, collisions among one query's matches are negligible.</summary>
    public static long IdHash(string id)
    {
        var h = 14695981039346656037UL;
        foreach (var c in id)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return unchecked((long)h);
    }

    private static int WitnessRank(IndexedWitness witness) => witness.SourceKind == SourceKind.Issue ? 0 : 1;

    /// <summary>A date as the integer yyyyMMdd (0 when unknown is not indexed).</summary>
    public static int DateKey(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    private static void AddDate(LuceneDocument d, string field, DateOnly? date, bool filterable)
    {
        if (date is { } day)
        {
            if (filterable)
            {
                d.Add(IndexFields.Int32(field, DateKey(day)));
            }

            d.Add(new NumericDocValuesField(field, DateKey(day)));
        }
    }

    private static void AddFacet(LuceneDocument d, string field, string value, bool filterable)
    {
        d.Add(filterable ? IndexFields.Keyword(field, value, Field.Store.YES) : new StoredField(field, value));
        d.Add(new SortedDocValuesField(field, new BytesRef(value)));
    }
}
