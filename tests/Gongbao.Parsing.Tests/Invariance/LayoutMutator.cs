using System.Text;
using System.Text.RegularExpressions;

using Gongbao.Domain;

using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Tests.Invariance;

/// <summary>One way a gazette's layout varies between issues without its content changing.</summary>
public enum LayoutMutation
{
    /// <summary>Page breaks at new positions: a paragraph cut mid-word or mid-sentence across a blank line.</summary>
    ReBreakLines,

    /// <summary>The 文号 line under a document title left out.</summary>
    DropDocumentNumbers,

    /// <summary>
    /// The signature date moved into parentheses on its own line under the title or the 文号 line; the signature
    /// block is then dropped or keeps its issuer lines.
    /// </summary>
    DateUnderTitle,

    /// <summary>An issuer line and the title line after it printed as one line.</summary>
    JoinIssuerAndTitle,

    /// <summary>A title line starting with its issuer split before "关于"/"印发".</summary>
    SplitIssuerAndTitle,

    /// <summary>Issuer names letter-spaced ("北 京 市 民 政 局").</summary>
    LetterSpaceIssuers,

    /// <summary>Brackets, colons and number punctuation switched between full and half width in page-sized blocks.</summary>
    SwitchWidth,

    /// <summary>Document title lines wrapped in <c>**</c>.</summary>
    StarTitles,

    /// <summary>Section lines written [..], (..), （..） or bare instead of 【..】.</summary>
    SectionBrackets,
}

/// <summary>
/// Rewrites the layout of a real gazette without changing its content, deterministically from a seed, one
/// mutation kind at a time. It locates headers, titles, signature dates and issuers through the parse of
/// the unmutated text (a test-side oracle), so it only needs the text and that parse.
/// </summary>
public sealed partial class LayoutMutator(string text, GazetteIssue original)
{
    private readonly string[] _lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    public string Mutate(LayoutMutation kind, int seed)
    {
        var random = new Random(seed);
        var lines = _lines.ToList();
        switch (kind)
        {
            case LayoutMutation.ReBreakLines:
                ReBreak(lines, random);
                break;
            case LayoutMutation.DropDocumentNumbers:
                EditHeaders(lines, random, DropNumber);
                break;
            case LayoutMutation.DateUnderTitle:
                EditHeaders(lines, random, MoveDate);
                break;
            case LayoutMutation.JoinIssuerAndTitle:
                EditHeaders(lines, random, JoinIssuer);
                break;
            case LayoutMutation.SplitIssuerAndTitle:
                EditHeaders(lines, random, SplitIssuer);
                break;
            case LayoutMutation.LetterSpaceIssuers:
                LetterSpace(lines);
                break;
            case LayoutMutation.SwitchWidth:
                SwitchWidth(lines, random);
                break;
            case LayoutMutation.StarTitles:
                EditHeaders(lines, random, StarTitle);
                break;
            case LayoutMutation.SectionBrackets:
                ChangeSectionBrackets(lines, random);
                break;
        }

        return string.Join('\n', lines.Where(l => l is not null));
    }

    // Lines are edited in place; a removed line becomes null so that document spans (1-based source lines) stay valid.
    private delegate void HeaderEdit(List<string?> lines, GazetteDocument doc, Random random);

    private static string Fold(string s) => ProvisionDump.Fold(s).Replace("*", "", StringComparison.Ordinal);

    private void EditHeaders(List<string> lines, Random random, HeaderEdit edit)
    {
        var nullable = lines.Cast<string?>().ToList();
        var docs = original.Documents.Where(d => d.Span.StartLine > 0).ToList();
        var chosen = docs.Where(_ => random.Next(2) == 0).ToList();
        if (chosen.Count == 0 && docs.Count > 0)
        {
            chosen.Add(docs[random.Next(docs.Count)]);
        }

        // Back to front, so that inserted lines do not shift the documents still to edit.
        foreach (var doc in chosen.OrderByDescending(d => d.Span.StartLine))
        {
            edit(nullable, doc, random);
        }

        lines.Clear();
        lines.AddRange(nullable.Where(l => l is not null)!);
    }

    /// <summary>Indices of the title lines of <paramref name="doc"/> in its header (first lines of its span).</summary>
    private static List<int> TitleLines(List<string?> lines, GazetteDocument doc)
    {
        var title = Fold(doc.TitleZh);
        var start = doc.Span.StartLine - 1;
        for (var i = start; i < Math.Min(lines.Count, start + 8); i++)
        {
            if (lines[i] is not { } first || Fold(first).Length < 2 || !title.StartsWith(Fold(first), StringComparison.Ordinal))
            {
                continue;
            }

            var result = new List<int> { i };
            var covered = Fold(first);
            for (var k = i + 1; k < Math.Min(lines.Count, i + 8) && covered.Length < title.Length; k++)
            {
                if (lines[k] is not { } next || Fold(next).Length == 0)
                {
                    continue;
                }

                if (!title.StartsWith(covered + Fold(next), StringComparison.Ordinal))
                {
                    break;
                }

                covered += Fold(next);
                result.Add(k);
            }

            if (covered == title)
            {
                return result;
            }
        }

        return [];
    }

    private static void DropNumber(List<string?> lines, GazetteDocument doc, Random random)
    {
        var start = doc.Span.StartLine - 1;
        for (var i = start; i < Math.Min(lines.Count, start + 10); i++)
        {
            if (lines[i] is { } l && DocumentNumberLine().IsMatch(l.Trim()))
            {
                lines[i] = null;
                return;
            }
        }
    }

    /// <summary>
    /// Moves the last signature date of a document into parentheses under its title, or under its 文号 line, as
    /// joint party–government documents print it. Such documents then have no signature block, or keep the issuer
    /// lines without a date; both are chosen at random.
    /// </summary>
    private static void MoveDate(List<string?> lines, GazetteDocument doc, Random random)
    {
        var titles = TitleLines(lines, doc);
        if (titles.Count == 0)
        {
            return;
        }

        var under = titles[^1];
        if (random.Next(2) == 0)
        {
            for (var i = under + 1; i < Math.Min(lines.Count, under + 4); i++)
            {
                if (lines[i] is { } n && DocumentNumberLine().IsMatch(n.Trim()))
                {
                    under = i;
                    break;
                }
            }
        }

        var dropSignature = random.Next(2) == 0;
        for (var i = doc.Span.EndLine - 1; i > under; i--)
        {
            if (lines[i] is { } l && DateLine().IsMatch(l.Trim()))
            {
                lines[i] = null;
                var signature = doc.AllProvisions().Concat(doc.Instruments.SelectMany(x => x.AllProvisions()))
                    .FirstOrDefault(p => p.Kind == ProvisionKind.Signature && p.Span.EndLine == i + 1);
                if (dropSignature && signature is not null)
                {
                    for (var k = signature.Span.StartLine - 1; k < i; k++)
                    {
                        lines[k] = null;
                    }
                }

                lines[under] += "\n\n(" + l.Trim() + ")";
                return;
            }
        }
    }

    private static void JoinIssuer(List<string?> lines, GazetteDocument doc, Random random)
    {
        var titles = TitleLines(lines, doc);
        if (titles.Count < 2 || !doc.Issuers.Any(i => Fold(lines[titles[0]]!).Contains(Fold(i), StringComparison.Ordinal)))
        {
            return;
        }

        lines[titles[0]] = lines[titles[0]]!.TrimEnd() + (random.Next(2) == 0 ? " " : "") + lines[titles[1]]!.Trim();
        lines[titles[1]] = null;
    }

    private static void SplitIssuer(List<string?> lines, GazetteDocument doc, Random random)
    {
        var titles = TitleLines(lines, doc);
        if (titles.Count == 0)
        {
            return;
        }

        var first = lines[titles[0]]!;
        var at = first.IndexOf("关于", StringComparison.Ordinal);
        if (at < 0)
        {
            at = first.IndexOf("印发", StringComparison.Ordinal);
        }

        if (at < 4 || !doc.Issuers.Any(i => Fold(first[..at]).EndsWith(Fold(i), StringComparison.Ordinal)))
        {
            return;
        }

        lines[titles[0]] = first[..at].TrimEnd() + "\n\n" + first[at..];
    }

    private static void StarTitle(List<string?> lines, GazetteDocument doc, Random random)
    {
        foreach (var i in TitleLines(lines, doc))
        {
            lines[i] = "**" + lines[i]!.Trim() + "**";
        }
    }

    private void LetterSpace(List<string> lines)
    {
        var issuers = original.Documents.SelectMany(d => d.Issuers.Concat(d.Instruments.SelectMany(x => x.Issuers)))
            .Where(i => i.Length is >= 3 and <= 16 && i.All(CjkText.IsCjk)).ToHashSet();
        for (var i = 0; i < lines.Count; i++)
        {
            if (issuers.Contains(lines[i].Trim()))
            {
                lines[i] = string.Join(' ', lines[i].Trim().ToCharArray());
            }
        }
    }

    private void ReBreak(List<string> lines, Random random)
    {
        var candidates = new List<int>();
        foreach (var doc in original.Documents)
        {
            for (var i = doc.Span.StartLine + 4; i < doc.Span.EndLine && i < lines.Count; i++)
            {
                if (lines[i].Length >= 30 && !lines[i].Contains('\t'))
                {
                    candidates.Add(i);
                }
            }
        }

        var picked = new SortedSet<int>();
        for (var n = 0; n < 6 && candidates.Count > 0; n++)
        {
            picked.Add(candidates[random.Next(candidates.Count)]);
        }

        foreach (var i in picked.Reverse())
        {
            var line = lines[i];
            for (var attempt = 0; attempt < 30; attempt++)
            {
                var p = random.Next(8, line.Length - 4);
                if ((CjkText.IsCjk(line[p - 1]) || line[p - 1] is '，' or ',') && CjkText.IsCjk(line[p]))
                {
                    lines[i] = line[..p] + "\n\n" + line[p..];
                    break;
                }
            }
        }
    }

    private static void SwitchWidth(List<string> lines, Random random)
    {
        const int page = 40;
        for (var start = 0; start < lines.Count; start += page)
        {
            var choice = random.Next(3);
            if (choice == 0)
            {
                continue;
            }

            for (var i = start; i < Math.Min(lines.Count, start + page); i++)
            {
                lines[i] = choice == 1 ? ToHalf(lines[i]) : ToFull(lines[i]);
            }
        }
    }

    private static string ToHalf(string line)
    {
        var sb = new StringBuilder(line);
        for (var i = 0; i < sb.Length; i++)
        {
            sb[i] = sb[i] switch { '（' => '(', '）' => ')', '：' => ':', '．' => '.', _ => sb[i] };
        }

        return sb.ToString();
    }

    private static string ToFull(string line)
    {
        var sb = new StringBuilder(line);
        for (var i = 0; i < sb.Length; i++)
        {
            sb[i] = sb[i] switch
            {
                '(' => '（',
                ')' => '）',
                ':' when i > 0 && !char.IsAsciiLetterOrDigit(sb[i - 1]) => '：',
                '.' when i > 0 && i < 4 && char.IsAsciiDigit(sb[i - 1]) && (i + 1 >= sb.Length || !char.IsAsciiDigit(sb[i + 1])) => '．',
                _ => sb[i],
            };
        }

        return sb.ToString();
    }

    private static void ChangeSectionBrackets(List<string> lines, Random random)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var m = SectionLine().Match(lines[i].Trim());
            if (m.Success)
            {
                var name = m.Groups["name"].Value;
                lines[i] = random.Next(4) switch { 0 => $"[{name}]", 1 => $"({name})", 2 => $"（{name}）", _ => name };
            }
        }
    }

    [GeneratedRegex(@"^\S{2,10}〔\d{4}〕\s*\d+\s*号$")]
    private static partial Regex DocumentNumberLine();

    [GeneratedRegex(@"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^【(?<name>[^】]+)】$")]
    private static partial Regex SectionLine();
}
