using System.Globalization;
using System.Xml.Linq;

using Gongbao.Domain;

namespace Gongbao.Application.Export;

/// <summary>
/// Akoma Ntoso-style XML (akomaNtoso/act with meta/FRBR identification, preface and body). Hierarchy
/// elements get eIds derived from our stable IDs: the part after the document ID, <c>/</c> → <c>__</c>
/// and <c>-</c> → <c>_</c> (<c>jingguizifa-2024-122/art-8/item-1</c> → <c>art_8__item_1</c>).
/// </summary>
public static class AkomaNtosoExporter
{
    public static readonly XNamespace Akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    public static XDocument Export(string issueId, GazetteDocument document, DateOnly? publicationDate)
    {
        var date = Date(document.SignedOn ?? publicationDate) ?? "0001-01-01";
        var year = (document.SignedOn ?? publicationDate)?.Year.ToString(CultureInfo.InvariantCulture) ?? "unknown";
        var work = $"/akn/cn-bj/act/{year}/{document.Id}";
        var expression = $"{work}/zho@{date}";
        var body = new XElement(Akn + "body");
        AddChildren(body, document.Id, document.Body);
        foreach (var instrument in document.Instruments)
        {
            var container = new XElement(Akn + "hcontainer",
                new XAttribute("name", "instrument"),
                new XAttribute("eId", EId(document.Id, instrument.Id)),
                new XElement(Akn + "heading", instrument.TitleZh));
            AddChildren(container, document.Id, instrument.Body);
            body.Add(container);
        }

        var act = new XElement(Akn + "act",
            new XAttribute("name", document.Kind.ToString().ToLowerInvariant()),
            new XElement(Akn + "meta",
                new XElement(Akn + "identification", new XAttribute("source", "#gongbao"),
                    new XElement(Akn + "FRBRWork",
                        Value("FRBRthis", $"{work}/!main"),
                        Value("FRBRuri", work),
                        new XElement(Akn + "FRBRalias", new XAttribute("name", "gongbaoId"), new XAttribute("value", document.Id)),
                        DateElement(date, "signature"),
                        new XElement(Akn + "FRBRauthor", new XAttribute("href", "#issuer-1")),
                        Value("FRBRcountry", "cn"),
                        document.Number is null ? null : Value("FRBRnumber", document.Number.Canonical),
                        Value("FRBRname", document.TitleZh)),
                    new XElement(Akn + "FRBRExpression",
                        Value("FRBRthis", $"{expression}/!main"),
                        Value("FRBRuri", expression),
                        DateElement(Date(publicationDate) ?? date, "publication"),
                        new XElement(Akn + "FRBRauthor", new XAttribute("href", "#gongbao")),
                        new XElement(Akn + "FRBRlanguage", new XAttribute("language", "zho"))),
                    new XElement(Akn + "FRBRManifestation",
                        Value("FRBRthis", $"{expression}/!main.xml"),
                        Value("FRBRuri", $"{expression}.akn"),
                        DateElement(Date(publicationDate) ?? date, "generation"),
                        new XElement(Akn + "FRBRauthor", new XAttribute("href", "#gongbao")))),
                new XElement(Akn + "publication",
                    new XAttribute("date", Date(publicationDate) ?? date),
                    new XAttribute("name", issueId),
                    new XAttribute("showAs", issueId)),
                new XElement(Akn + "references", new XAttribute("source", "#gongbao"),
                    new XElement(Akn + "TLCOrganization", new XAttribute("eId", "gongbao"), new XAttribute("href", "/ontology/organization/gongbao"), new XAttribute("showAs", "Gongbao")),
                    document.Issuers.Select((issuer, i) => new XElement(Akn + "TLCOrganization",
                        new XAttribute("eId", $"issuer-{i + 1}"), new XAttribute("href", $"/ontology/organization/cn-bj/issuer-{i + 1}"), new XAttribute("showAs", issuer))))),
            new XElement(Akn + "preface",
                new XElement(Akn + "p", new XAttribute("class", "title"), new XElement(Akn + "docTitle", document.TitleZh)),
                document.Number is null ? null : new XElement(Akn + "p", new XAttribute("class", "number"), new XElement(Akn + "docNumber", document.Number.Canonical)),
                document.Issuers.Count == 0 ? null : new XElement(Akn + "p", new XAttribute("class", "issuers"),
                    document.Issuers.Select(i => new XElement(Akn + "docAuthority", i))),
                document.SignedOn is null ? null : new XElement(Akn + "p", new XAttribute("class", "date"),
                    new XElement(Akn + "docDate", new XAttribute("date", Date(document.SignedOn)!), Date(document.SignedOn)))),
            body);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Akn + "akomaNtoso", act));
    }

    /// <summary>The eId of a provision: its stable ID relative to the document, in AKN punctuation.</summary>
    public static string EId(string documentId, string provisionId)
    {
        var relative = provisionId.StartsWith(documentId + "/", StringComparison.Ordinal) ? provisionId[(documentId.Length + 1)..] : provisionId;
        return relative.Replace("/", "__", StringComparison.Ordinal).Replace('-', '_');
    }

    private static void AddChildren(XElement parent, string documentId, Provision provision)
    {
        foreach (var child in provision.Children)
        {
            parent.Add(Element(documentId, child));
        }
    }

    private static XElement Element(string documentId, Provision p)
    {
        var (name, containerName) = p.Kind switch
        {
            ProvisionKind.Part => ("part", null),
            ProvisionKind.Chapter => ("chapter", null),
            ProvisionKind.Section => ("section", null),
            ProvisionKind.Article => ("article", null),
            ProvisionKind.Paragraph => ("paragraph", null),
            ProvisionKind.Heading => ("division", null),
            ProvisionKind.Item or ProvisionKind.SubItem or ProvisionKind.Point or ProvisionKind.Circled => ("point", null),
            _ => ("hcontainer", p.Kind.ToString().ToLowerInvariant()),
        };
        var element = new XElement(Akn + name,
            containerName is null ? null : new XAttribute("name", containerName),
            new XAttribute("eId", EId(documentId, p.Id)),
            string.IsNullOrEmpty(p.Label) ? null : new XElement(Akn + "num", p.Label),
            string.IsNullOrEmpty(p.Heading) ? null : new XElement(Akn + "heading", p.Heading));

        var table = p.Cells is { Count: > 0 } cells
            ? new XElement(Akn + "table", cells.Select(row => new XElement(Akn + "tr", row.Select(cell => new XElement(Akn + "td", new XElement(Akn + "p", cell))))))
            : null;
        if (p.Children.Count == 0)
        {
            element.Add(new XElement(Akn + "content", table is null ? Paragraphs(p.Text) : table));
        }
        else
        {
            if (p.Text.Length > 0 || table is not null)
            {
                element.Add(new XElement(Akn + "intro", Paragraphs(p.Text), table));
            }

            AddChildren(element, documentId, p);
        }

        return element;
    }

    private static IEnumerable<XElement> Paragraphs(string text) =>
        text.Length == 0 ? [new XElement(Akn + "p")] : text.Split('\n').Select(line => new XElement(Akn + "p", line));

    private static XElement Value(string name, string value) => new(Akn + name, new XAttribute("value", value));

    private static XElement DateElement(string date, string name) => new(Akn + "FRBRdate", new XAttribute("date", date), new XAttribute("name", name));

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
