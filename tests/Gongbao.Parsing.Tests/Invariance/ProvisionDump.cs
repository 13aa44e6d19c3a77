using System.Text;

using Gongbao.Domain;

namespace Gongbao.Parsing.Tests.Invariance;

/// <summary>
/// The comparable shape of a parse: per document, every provision's ID and whitespace-folded text
/// (heading and text), in tree order. Used by the invariance property and to diff parser changes.
/// </summary>
public static class ProvisionDump
{
    public static IEnumerable<(string Id, string Text)> Rows(GazetteDocument document) =>
        document.AllProvisions().Concat(document.Instruments.SelectMany(i => i.AllProvisions()))
            .Select(p => (p.Id, Fold($"{p.Heading}|{p.Text}")));

    public static Dictionary<string, List<(string Id, string Text)>> ByDocument(GazetteIssue issue) =>
        issue.Documents.ToDictionary(d => d.Id, d => Rows(d).ToList());

    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    public static string Write(GazetteIssue issue)
    {
        var sb = new StringBuilder();
        foreach (var doc in issue.Documents)
        {
            sb.Append("## ").Append(doc.Id).Append('\n');
            foreach (var (id, text) in Rows(doc))
            {
                sb.Append(id).Append('\t').Append(text).Append('\n');
            }
        }

        return sb.ToString();
    }
}
