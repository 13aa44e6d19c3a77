using System.Text;

using Gongbao.Domain;

namespace Gongbao.Search;

/// <summary>
/// A user query split into terms: whitespace separates terms, "double quotes" (or 「」/“”) keep a
/// phrase together. Every term must match; a document number anywhere in the query is recognised.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<string> Terms, DocumentNumber? Number)
{
    /// <summary>Indexes of <see cref="Terms"/> that were quoted: those are phrases, the others are split into words.</summary>
    public IReadOnlySet<int> Quoted { get; init; } = new HashSet<int>();

    public static SearchQuery Parse(string? text)
    {
        var terms = new List<string>();
        var quoted = new HashSet<int>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SearchQuery(terms, null);
        }

        var current = new StringBuilder();
        char? closing = null;
        foreach (var c in text)
        {
            if (closing is { } close)
            {
                if (c == close)
                {
                    if (current.ToString().Trim().Length > 0)
                    {
                        quoted.Add(terms.Count);
                    }

                    Flush();
                    closing = null;
                }
                else
                {
                    current.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    Flush();
                    closing = '"';
                    break;
                case '“':
                    Flush();
                    closing = '”';
                    break;
                case '「':
                    Flush();
                    closing = '」';
                    break;
                default:
                    if (char.IsWhiteSpace(c))
                    {
                        Flush();
                    }
                    else
                    {
                        current.Append(c);
                    }

                    break;
            }
        }

        Flush();
        return new SearchQuery(terms, DocumentNumber.Find(text)) { Quoted = quoted };

        void Flush()
        {
            var term = current.ToString().Trim();
            if (term.Length > 0)
            {
                terms.Add(term);
            }

            current.Clear();
        }
    }

    public bool IsEmpty => Terms.Count == 0;
}
