using Gongbao.Domain;

using Gongbao.Parsing.Recognition;
using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Documents;

/// <summary>Where one document sits in the body: lines [Start, End), its header lines and anchor.</summary>
public sealed record DocumentSlice(
    TocEntry? Entry,
    int Start,
    int End,
    bool HeaderFound,
    int TitleStart,
    int TitleEnd,
    int? NumberLine);

/// <summary>
/// Cuts the body (documents back to back, no separator) into documents, one per contents entry. Anchors are
/// the printed document-number lines matching the entry's number, else the header title matched against
/// the entry's title; the header start is found by walking back over title and issuer lines. A document
/// without a header (text starting mid-sentence) takes the gap before the next anchor.
/// </summary>
public static class DocumentSegmenter
{
    private const double LineContainment = 0.6;
    private const double TitleCoverage = 0.55;

    public static List<DocumentSlice> Segment(IReadOnlyList<SourceLine> body, IReadOnlyList<TocEntry> entries, int bodyEnd, DiagnosticBag diagnostics)
    {
        var n = entries.Count;
        var anchors = new Anchor?[n];
        var numberLines = IndexNumberLines(body, bodyEnd);

        // Pass 1: printed numbers, in order.
        var cursor = 0;
        for (var i = 0; i < n; i++)
        {
            if (entries[i].Number is { } number && numberLines.TryGetValue(number.Canonical, out var list))
            {
                var at = list.FirstOrDefault(x => x >= cursor, -1);
                if (at >= 0)
                {
                    anchors[i] = new Anchor(at, at);
                    cursor = at + 1;
                }
            }
        }

        // Pass 2: titles, between the neighbouring anchors.
        for (var i = 0; i < n; i++)
        {
            if (anchors[i] is not null)
            {
                continue;
            }

            var lo = 0;
            for (var k = i - 1; k >= 0; k--)
            {
                if (anchors[k] is { } a)
                {
                    lo = a.Line + 1;
                    break;
                }
            }

            var hi = bodyEnd;
            for (var k = i + 1; k < n; k++)
            {
                if (anchors[k] is { } a)
                {
                    hi = a.Line;
                    break;
                }
            }

            anchors[i] = FindTitle(body, lo, hi, entries[i]);
        }

        // Header starts: walk back from each anchor over title and issuer lines.
        var starts = new int[n];
        var titleStarts = new int[n];
        var previousLine = -1;
        for (var i = 0; i < n; i++)
        {
            if (anchors[i] is not { } a)
            {
                starts[i] = -1;
                continue;
            }

            var matcher = new TitleMatcher(entries[i].TitleZh);
            var k = a.TitleEnd;
            if (a.IsNumber)
            {
                k = a.Line - 1;
            }

            var titleStart = k + 1;
            while (k > previousLine && a.Line - k <= 16 && IsHeaderLine(body[k].Text, matcher))
            {
                titleStart = k;
                k--;
            }

            starts[i] = titleStart;
            titleStarts[i] = titleStart;
            previousLine = a.Line;
        }

        var slices = new List<DocumentSlice>(n);
        for (var i = 0; i < n; i++)
        {
            var next = bodyEnd;
            for (var k = i + 1; k < n; k++)
            {
                if (starts[k] >= 0)
                {
                    next = starts[k];
                    break;
                }
            }

            if (anchors[i] is { } a)
            {
                slices.Add(new DocumentSlice(entries[i], starts[i], next, true, titleStarts[i], a.IsNumber ? a.Line - 1 : a.TitleEnd, a.IsNumber ? a.Line : null));
                continue;
            }

            // No header: the document is the gap after the previous document, when there is one.
            var prevEnd = -1;
            for (var k = i - 1; k >= 0; k--)
            {
                if (starts[k] >= 0)
                {
                    prevEnd = k;
                    break;
                }
            }

            if (prevEnd < 0 && next > 0)
            {
                diagnostics.Warning(DiagnosticCodes.HeaderMissing, body[0].Line,
                    $"document header missing (text starts mid-sentence); title and number taken from contents entry {entries[i].Ordinal}: {entries[i].TitleZh}");
                slices.Add(new DocumentSlice(entries[i], 0, next, false, 0, -1, null));
            }
            else if (prevEnd >= 0 && FindHeaderlessStart(body, slices, anchors[prevEnd]!.Value.Line + 1, next) is { } split)
            {
                // The previous document ends where this one's remaining text (addressees or a new notice) begins.
                var previous = slices[^1];
                slices[^1] = previous with { End = split };
                diagnostics.Warning(DiagnosticCodes.HeaderMissing, body[split].Line,
                    $"document header missing; title and number taken from contents entry {entries[i].Ordinal}: {entries[i].TitleZh}");
                slices.Add(new DocumentSlice(entries[i], split, next, false, split, -1, null));
            }
            else
            {
                diagnostics.Warning(DiagnosticCodes.DocumentNotFound, entries[i].Span.StartLine,
                    $"contents entry {entries[i].Ordinal} ({entries[i].TitleZh}) has no document in the body");
            }
        }

        return slices;
    }

    /// <summary>
    /// Where a document whose header is lost starts inside the previous slice: the first addressee line
    /// (…：) after the previous document's first signature block, which only a new document can have.
    /// </summary>
    private static int? FindHeaderlessStart(IReadOnlyList<SourceLine> body, List<DocumentSlice> slices, int from, int to)
    {
        if (slices.Count == 0 || slices[^1].End != to)
        {
            return null;
        }

        var signatures = SignatureRecognizer.FindAll(body, from, to);
        if (signatures.Count == 0)
        {
            return null;
        }

        for (var k = signatures[0].End; k < to; k++)
        {
            var t = body[k].Text;
            if (HeaderReader.IsAddresseeLine(t) && t.Length <= 120 && (t.Contains('各') || t.Contains("有关单位", StringComparison.Ordinal)))
            {
                return k;
            }
        }

        return null;
    }

    private static bool IsHeaderLine(string text, TitleMatcher matcher) =>
        !DateRecognizer.IsDateLine(text)
        && (IssuerRecognizer.IsIssuerLine(text) || TitleMatcher.IsTitleLike(text) && matcher.Containment(text) >= LineContainment);

    private static Dictionary<string, List<int>> IndexNumberLines(IReadOnlyList<SourceLine> body, int end)
    {
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < end; i++)
        {
            var t = body[i].Text;
            if (t.Length > 40 || t.Length < 6 || !t.EndsWith('号'))
            {
                continue;
            }

            if (DocumentNumber.TryParse(t, out var number) && number is not null)
            {
                if (!map.TryGetValue(number.Canonical, out var list))
                {
                    map[number.Canonical] = list = [];
                }

                list.Add(i);
            }
        }

        return map;
    }

    /// <summary>Finds the header title of an entry in lines [lo, hi): consecutive title-like lines covering the title.</summary>
    private static Anchor? FindTitle(IReadOnlyList<SourceLine> body, int lo, int hi, TocEntry entry)
    {
        var matcher = new TitleMatcher(entry.TitleZh);
        if (matcher.Size < 2)
        {
            return null;
        }

        for (var i = lo; i < hi; i++)
        {
            if (!TitleMatcher.IsTitleLike(body[i].Text) || matcher.Containment(body[i].Text) < 0.8)
            {
                continue;
            }

            var j = i;
            while (j + 1 < hi && j - i < 8 && TitleMatcher.IsTitleLike(body[j + 1].Text) && matcher.Containment(body[j + 1].Text) >= LineContainment)
            {
                j++;
            }

            var block = Enumerable.Range(i, j - i + 1).Select(k => body[k].Text);
            if (matcher.Coverage(block) >= TitleCoverage && IsFollowedByBodyStart(body, j + 1, hi))
            {
                return new Anchor(j, j, IsNumber: false);
            }

            i = j;
        }

        return null;
    }

    /// <summary>A header title is followed by its number line or the addressee line (…：).</summary>
    private static bool IsFollowedByBodyStart(IReadOnlyList<SourceLine> body, int k, int hi)
    {
        if (k >= hi || k >= body.Count)
        {
            return false;
        }

        var t = body[k].Text;
        return DocumentNumber.TryParse(t, out _) || HeaderReader.IsAddresseeLine(t);
    }

    private readonly record struct Anchor(int Line, int TitleEnd, bool IsNumber = true);
}
