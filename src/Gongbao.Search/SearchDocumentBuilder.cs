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
        yield return BuildDocument(witness);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in new[] { doc.Body }.Concat(doc.Instruments.Select(i => i.Body)))
        {
            foreach (var (provision, text) in SearchableProvisions(root))
            {
                if (seen.Add(provision.Id))
                {
                    yield return BuildProvision(witness, provision, text);
                }
            }
        }
    }

    /// <summary>The provisions that become search hits, each with the text indexed for it.</summary>
    public static IEnumerable<(Provision Provision, string Text)> SearchableProvisions(Provision root)
    {
        var stack = new Stack<Provision>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var p = stack.Pop();
            if (p.Kind == ProvisionKind.Article)
            {
                yield return (p, ProvisionText(p, whole: true));
                continue;
            }

            if (p.Kind is not (ProvisionKind.Document or ProvisionKind.Instrument or ProvisionKind.Signature))
            {
                var own = ProvisionText(p, whole: false);
                if (own.Length > 0)
                {
                    yield return (p, own);
                }
            }

            for (var i = p.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(p.Children[i]);
            }
        }
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

    private static LuceneDocument BuildDocument(IndexedWitness witness)
    {
        var doc = witness.Document;
        var d = Common(witness, SearchFields.DocumentType, doc.Id);
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

        d.Add(new TextField(SearchFields.Text, DocumentText(doc), Field.Store.YES));
        return d;
    }

    private static LuceneDocument BuildProvision(IndexedWitness witness, Provision provision, string text)
    {
        var doc = witness.Document;
        var d = Common(witness, SearchFields.ProvisionType, provision.Id);
        d.Add(new StoredField(SearchFields.TitleZh, doc.TitleZh));
        if (provision.Label is { Length: > 0 } label)
        {
            d.Add(new StringField(SearchFields.Label, label, Field.Store.YES));
        }

        if (provision.Heading is { Length: > 0 } heading)
        {
            d.Add(new TextField(SearchFields.Heading, heading, Field.Store.YES));
        }

        d.Add(new TextField(SearchFields.Text, text, Field.Store.YES));
        return d;
    }

    private static LuceneDocument Common(IndexedWitness witness, string type, string id)
    {
        var doc = witness.Document;
        var d = new LuceneDocument
        {
            new StringField(SearchFields.Type, type, Field.Store.YES),
            new StringField(SearchFields.Id, id, Field.Store.YES),
            new NumericDocValuesField(SearchFields.IdHash, IdHash(id)),
            new StringField(SearchFields.DocumentId, doc.Id, Field.Store.YES),
            new StringField(SearchFields.Issue, witness.IssueId, Field.Store.YES),
            new StoredField(SearchFields.WitnessRank, WitnessRank(witness)),
            new NumericDocValuesField(SearchFields.WitnessRank, WitnessRank(witness)),
        };
        // The document's own kind first (shown on hits), then the kinds of the instruments it issues:
        // a 关于印发《…办法》的通知 is found under Measures as well as Notice.
        foreach (var kind in doc.Instruments.Select(i => i.Kind).Prepend(doc.Kind).Distinct())
        {
            d.Add(new StringField(SearchFields.Kind, kind.ToString(), Field.Store.YES));
            d.Add(new SortedSetDocValuesField(SearchFields.Kind, new BytesRef(kind.ToString())));
        }

        if (witness.Year is { } year)
        {
            AddFacet(d, SearchFields.Year, year.ToString(CultureInfo.InvariantCulture));
        }

        if (doc.Section is { Length: > 0 } section)
        {
            AddFacet(d, SearchFields.Section, section);
        }

        foreach (var issuer in doc.Issuers.Distinct(StringComparer.Ordinal))
        {
            // Shown as printed; filtered and counted in the search form, so a slip does not split a facet.
            var form = SearchVariants.Normalize(issuer);
            d.Add(new StoredField(SearchFields.Issuer, issuer));
            d.Add(new StringField(SearchFields.Issuer, form, Field.Store.NO));
            d.Add(new SortedSetDocValuesField(SearchFields.Issuer, new BytesRef(form)));
        }

        if (doc.Number is { } number)
        {
            d.Add(new StringField(SearchFields.Number, number.Canonical, Field.Store.YES));
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

    private static void AddFacet(LuceneDocument d, string field, string value)
    {
        d.Add(new StringField(field, value, Field.Store.YES));
        d.Add(new SortedDocValuesField(field, new BytesRef(value)));
    }
}
