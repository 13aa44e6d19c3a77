using Gongbao.Domain;

using Gongbao.Parsing.Recognition;
using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Documents;

/// <summary>
/// Where one document sits in the body: lines [Start, End), its title lines [TitleStart, TitleEnd], the line
/// that ends its number (NumberLine), the number read there, and a date line printed in parentheses under the title.
/// </summary>
public sealed record DocumentSlice(
    TocEntry? Entry,
    int Start,
    int End,
    bool HeaderFound,
    int TitleStart,
    int TitleEnd,
    int? NumberLine,
    DocumentNumber? Number = null,
    int? DateLine = null);

/// <summary>The documents located in the body, and the contents entries that could not be located.</summary>
public sealed record Segmentation(List<DocumentSlice> Slices, IReadOnlyList<TocEntry> Missing);

/// <summary>
/// Cuts the body (documents back to back, no separator) into documents with the contents list as the
/// authority: every entry gets candidate anchors in the body (header title windows of 1–6 lines scored by
/// bigram similarity to the entry's title, printed number lines of any form), then one order-preserving
/// alignment of all entries to candidates maximises the total score. From each anchor the header start is
/// found by walking back over issuer and title lines. An entry without a candidate is a document whose
/// header is lost (text starting mid-sentence) when the text allows it, otherwise an error: its text is
/// never silently left to the neighbour.
/// </summary>
public static class DocumentSegmenter
{
    private const double LineContainment = 0.6;
    private const double StartContainment = 0.5;
    private const double MinScoreWithContext = 0.6;
    private const double MinScore = 0.85;
    private const double ContextBonus = 0.15;
    private const double NumberScore = 1.5;
    private const double WholeTitle = 0.95;
    private const int MaxTitleLines = 6;
    private const int MaxHeaderWalk = 16;

    public static Segmentation Segment(IReadOnlyList<SourceLine> body, IReadOnlyList<TocEntry> entries, int bodyEnd, DiagnosticBag diagnostics)
    {
        var n = entries.Count;
        var lines = new BodyLines(body, bodyEnd);
        var candidates = new List<Candidate>[n];
        for (var i = 0; i < n; i++)
        {
            candidates[i] = FindCandidates(lines, entries[i]);
        }

        var chosen = Align(candidates);

        // Header starts: walk back from each anchor over issuer and title lines, not past the previous anchor.
        var starts = new int[n];
        var previousEnd = -1;
        for (var i = 0; i < n; i++)
        {
            if (chosen[i] is not { } c)
            {
                starts[i] = -1;
                continue;
            }

            var matcher = new TitleMatcher(entries[i].TitleZh);
            var k = c.TitleStart - 1;
            var start = c.TitleStart;
            while (k > previousEnd && c.TitleStart - k <= MaxHeaderWalk && IsHeaderLine(body[k].Text, matcher))
            {
                start = k;
                k--;
            }

            starts[i] = start;
            previousEnd = c.HeaderEnd;
        }

        var slices = new List<DocumentSlice>(n);
        var missing = new List<TocEntry>();
        var owner = new int[n];
        for (var i = 0; i < n; i++)
        {
            owner[i] = -1;
            var next = bodyEnd;
            for (var k = i + 1; k < n; k++)
            {
                if (starts[k] >= 0)
                {
                    next = starts[k];
                    break;
                }
            }

            if (chosen[i] is { } c)
            {
                owner[i] = slices.Count;
                slices.Add(new DocumentSlice(entries[i], starts[i], next, true, starts[i], c.TitleEnd, c.NumberLine, c.Number, c.DateLine));
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

            if (prevEnd < 0 && next > 0 && slices.Count == 0)
            {
                diagnostics.Warning(DiagnosticCodes.HeaderMissing, body[0].Line,
                    $"document header missing (text starts mid-sentence); title and number taken from contents entry {entries[i].Ordinal}: {entries[i].TitleZh}");
                owner[i] = slices.Count;
                slices.Add(new DocumentSlice(entries[i], 0, next, false, 0, -1, null));
            }
            else if (prevEnd >= 0 && FindHeaderlessStart(body, slices, chosen[prevEnd]!.HeaderEnd + 1, next) is { } split)
            {
                // The previous document ends where this one's remaining text (addressees or a new notice) begins.
                var previous = slices[^1];
                slices[^1] = previous with { End = split };
                diagnostics.Warning(DiagnosticCodes.HeaderMissing, body[split].Line,
                    $"document header missing; title and number taken from contents entry {entries[i].Ordinal}: {entries[i].TitleZh}");
                owner[i] = slices.Count;
                slices.Add(new DocumentSlice(entries[i], split, next, false, split, -1, null));
            }
            else
            {
                missing.Add(entries[i]);
                diagnostics.Error(DiagnosticCodes.DocumentNotFound, entries[i].Span.StartLine,
                    $"contents entry {entries[i].Ordinal} ({entries[i].TitleZh}) could not be located in the body: no header with its title or number, and no gap for a document without header");
            }
        }

        CheckIntruders(body, entries, candidates, chosen, owner, slices, diagnostics);
        return new Segmentation(slices, missing);
    }

    /// <summary>
    /// A document whose text holds a header-like line with another entry's title (followed by a number,
    /// addressee or dated line, or the whole title on its own) would swallow that document: an error,
    /// reported once per entry. When that entry was not located elsewhere, the document ends at the
    /// header, so the unlocated document's text is not taken for part of its neighbour.
    /// </summary>
    private static void CheckIntruders(IReadOnlyList<SourceLine> body, IReadOnlyList<TocEntry> entries, List<Candidate>[] candidates,
        Candidate?[] chosen, int[] owner, List<DocumentSlice> slices, DiagnosticBag diagnostics)
    {
        for (var j = 0; j < entries.Count; j++)
        {
            foreach (var c in candidates[j])
            {
                // A header-like line: the title with a number, date or addressee under it, or the title printed whole.
                if (ReferenceEquals(c, chosen[j]) || (c.HasContext ? c.Score < MinScoreWithContext + ContextBonus : c.Score < WholeTitle))
                {
                    continue;
                }

                var index = slices.FindIndex(s => s.Start <= c.TitleStart && c.TitleStart < s.End);
                if (index < 0 || index == owner[j])
                {
                    continue;
                }

                var slice = slices[index];
                var headerEnd = Math.Max(slice.TitleEnd, Math.Max(slice.NumberLine ?? -1, slice.DateLine ?? -1));
                if (c.TitleStart <= headerEnd)
                {
                    continue;
                }

                diagnostics.Error(DiagnosticCodes.EntryTitleInsideDocument, body[c.TitleStart].Line,
                    $"document of contents entry {slice.Entry?.Ordinal} holds a header of contents entry {entries[j].Ordinal} ({entries[j].TitleZh}): the documents may be merged");
                if (chosen[j] is null && owner[j] < 0)
                {
                    var matcher = new TitleMatcher(entries[j].TitleZh);
                    var start = c.TitleStart;
                    while (start - 1 > headerEnd && c.TitleStart - start < MaxHeaderWalk && IsHeaderLine(body[start - 1].Text, matcher))
                    {
                        start--;
                    }

                    slices[index] = slice with { End = start };
                }

                break;
            }
        }
    }

    /// <summary>One order-preserving choice of at most one candidate per entry, maximising the total score.</summary>
    private static Candidate?[] Align(List<Candidate>[] candidates)
    {
        var n = candidates.Length;

        // best[i][c]: best total of an alignment of entries 0..i whose entry i takes candidate c.
        var best = new double[n][];
        var back = new (int Entry, int Cand)[n][];
        for (var i = 0; i < n; i++)
        {
            best[i] = new double[candidates[i].Count];
            back[i] = new (int, int)[candidates[i].Count];
            for (var c = 0; c < candidates[i].Count; c++)
            {
                var cand = candidates[i][c];
                var bestPrev = 0.0;
                var from = (-1, -1);
                for (var p = 0; p < i; p++)
                {
                    for (var q = 0; q < candidates[p].Count; q++)
                    {
                        if (candidates[p][q].HeaderEnd < cand.TitleStart && best[p][q] > bestPrev)
                        {
                            bestPrev = best[p][q];
                            from = (p, q);
                        }
                    }
                }

                best[i][c] = bestPrev + cand.Score;
                back[i][c] = from;
            }
        }

        var total = 0.0;
        var end = (-1, -1);
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < best[i].Length; c++)
            {
                if (best[i][c] > total)
                {
                    total = best[i][c];
                    end = (i, c);
                }
            }
        }

        var chosen = new Candidate?[n];
        while (end.Item1 >= 0)
        {
            chosen[end.Item1] = candidates[end.Item1][end.Item2];
            end = back[end.Item1][end.Item2];
        }

        return chosen;
    }

    /// <summary>Candidate headers of one entry: title windows and number lines, best per position.</summary>
    private static List<Candidate> FindCandidates(BodyLines lines, TocEntry entry)
    {
        var result = new List<Candidate>();
        var title = new TitleBigrams(entry.TitleZh);
        var key = entry.Number is { } listed ? NumberKey(listed) : null;

        if (key is not null)
        {
            foreach (var (line, start, printed) in lines.NumberLines)
            {
                if (NumberKey(printed) != key)
                {
                    continue;
                }

                // The title is the run of title-like lines right above the number, or above a date in
                // parentheses printed between title and number.
                var dateLine = lines.ParenthesisedDate(start - 1) ? start - 1 : lines.ParenthesisedDate(line + 1) ? line + 1 : (int?)null;
                var titleEnd = dateLine == start - 1 ? start - 2 : start - 1;
                var titleStart = titleEnd + 1;
                while (titleStart - 1 >= 0 && titleEnd + 1 - titleStart < MaxTitleLines && lines.TitleLike[titleStart - 1]
                       && !lines.IsNumber(titleStart - 1) && title.Containment(lines.Folded[titleStart - 1]) >= LineContainment)
                {
                    titleStart--;
                }

                if (titleStart > titleEnd && dateLine == start - 1)
                {
                    // No title above the date: the date belongs to something else, the number stands alone.
                    dateLine = lines.ParenthesisedDate(line + 1) ? line + 1 : null;
                    titleStart = start;
                    titleEnd = start - 1;
                }

                var score = NumberScore + (titleStart <= titleEnd ? title.Score(lines.Join(titleStart, titleEnd)) : 0);
                var number = Resolve(printed, entry);
                result.Add(new Candidate(titleStart, titleEnd, line, number, dateLine, score, HasContext: true));
            }
        }

        if (title.Size < 2)
        {
            return result;
        }

        for (var s = 0; s < lines.End; s++)
        {
            if (!lines.TitleLike[s] || lines.IsNumber(s) || title.Containment(lines.Folded[s]) < StartContainment)
            {
                continue;
            }

            Candidate? best = null;
            for (var e = s; e < lines.End && e - s < MaxTitleLines && lines.TitleLike[e] && !lines.IsNumber(e); e++)
            {
                if (e > s && title.Containment(lines.Folded[e]) < StartContainment)
                {
                    break;
                }

                var score = title.Score(lines.Join(s, e));
                var after = e + 1;
                int? numberLine = null;
                DocumentNumber? printed = null;
                // A date in parentheses may sit between the title and the number.
                int? dateLine = lines.ParenthesisedDate(after) ? after : null;
                if (lines.NumberAt(dateLine is null ? after : after + 1) is { } at)
                {
                    // A printed number that is not this entry's belongs to another document.
                    if (key is not null && NumberKey(at.Number) != key)
                    {
                        continue;
                    }

                    numberLine = at.Line;
                    printed = at.Number;
                    after = at.Line + 1;
                }

                dateLine ??= lines.ParenthesisedDate(after) ? after : null;

                // Issuer lines over a date are a signature block, not a header; a header has a title line.
                if (numberLine is null && (after < lines.End && DateRecognizer.IsDateLine(lines.Text(after)) || lines.AllIssuers(s, e)))
                {
                    continue;
                }

                var context = numberLine is not null || dateLine is not null || after < lines.End && HeaderReader.IsAddresseeLine(lines.Text(after));
                var total = score + (context ? ContextBonus : 0);
                if (total < (context ? MinScoreWithContext + ContextBonus : MinScore))
                {
                    continue;
                }

                if (best is null || total > best.Score)
                {
                    best = new Candidate(s, e, numberLine, printed is null ? null : Resolve(printed, entry), dateLine, total, context);
                }
            }

            if (best is not null)
            {
                result.Add(best);
            }
        }

        return result;
    }

    /// <summary>A year-series number printed without its issuer takes the series from the contents entry or its title.</summary>
    private static DocumentNumber? Resolve(DocumentNumber printed, TocEntry entry)
    {
        if (printed.IssuerCode.Length > 0)
        {
            return printed;
        }

        if (entry.Number is { } listed && NumberKey(listed) == NumberKey(printed))
        {
            return listed;
        }

        return IssuerRecognizer.YearSeriesCode(entry.TitleZh) is { } series ? printed with { IssuerCode = series } : null;
    }

    /// <summary>Matching key of a number: year-series numbers printed in a header often lack the issuer.</summary>
    private static string NumberKey(DocumentNumber number) => number.Form == DocumentNumberForm.YearSerial
        ? $"{number.Year}年第{number.Serial}号"
        : number.Canonical;

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

    /// <summary>A candidate header: title lines [TitleStart, TitleEnd], optional number and date lines.</summary>
    private sealed record Candidate(int TitleStart, int TitleEnd, int? NumberLine, DocumentNumber? Number, int? DateLine, double Score, bool HasContext)
    {
        public int HeaderEnd { get; } = Math.Max(TitleEnd, Math.Max(DateLine ?? -1, NumberLine ?? -1));
    }

    /// <summary>Per-line facts of the body computed once: folded text, title-likeness, number lines.</summary>
    private sealed class BodyLines
    {
        private readonly IReadOnlyList<SourceLine> _body;
        private readonly Dictionary<int, (int Line, DocumentNumber Number)> _numberAt = [];

        public BodyLines(IReadOnlyList<SourceLine> body, int end)
        {
            _body = body;
            End = end;
            Folded = new string[end];
            TitleLike = new bool[end];
            for (var i = 0; i < end; i++)
            {
                var t = body[i].Text;
                TitleLike[i] = t.Length <= 120 && (TitleMatcher.IsTitleLike(t) || IssuerRecognizer.IsIssuerLine(t));
                Folded[i] = TitleLike[i] ? TextFold.Fold(t) : "";
                if (HeaderReader.ReadNumberLine(body, i) is { } number)
                {
                    // An order's 第N号 under its …令 line: the number starts at the 令 line.
                    var start = number.Form == DocumentNumberForm.Order && !body[i].Text.Contains('令') ? i - 1 : i;
                    NumberLines.Add((i, start, number));
                    _numberAt[start] = (i, number);
                }
            }
        }

        public int End { get; }

        public string[] Folded { get; }

        public bool[] TitleLike { get; }

        public List<(int Line, int Start, DocumentNumber Number)> NumberLines { get; } = [];

        public string Text(int i) => _body[i].Text;

        public bool IsNumber(int i) => _numberAt.ContainsKey(i);

        public (int Line, DocumentNumber Number)? NumberAt(int i) => _numberAt.TryGetValue(i, out var v) ? v : null;

        public bool AllIssuers(int from, int to)
        {
            for (var i = from; i <= to; i++)
            {
                if (!IssuerRecognizer.IsIssuerLine(_body[i].Text))
                {
                    return false;
                }
            }

            return true;
        }

        public bool ParenthesisedDate(int i) => i >= 0 && i < End && HeaderReader.IsParenthesisedDate(_body[i].Text);

        public string Join(int from, int to) => from == to ? Folded[from] : string.Concat(Folded[from..(to + 1)]);
    }

    /// <summary>Bigram set of a folded title, scoring windows by precision and recall of bigrams (F1).</summary>
    private sealed class TitleBigrams
    {
        private readonly HashSet<int> _set = [];

        public TitleBigrams(string title)
        {
            var f = TextFold.Fold(title);
            for (var i = 0; i + 1 < f.Length; i++)
            {
                _set.Add(f[i] << 16 | f[i + 1]);
            }
        }

        public int Size => _set.Count;

        public double Containment(string folded)
        {
            if (folded.Length < 2)
            {
                return 0;
            }

            var hit = 0;
            for (var i = 0; i + 1 < folded.Length; i++)
            {
                if (_set.Contains(folded[i] << 16 | folded[i + 1]))
                {
                    hit++;
                }
            }

            return hit / (double)(folded.Length - 1);
        }

        public double Score(string folded)
        {
            if (folded.Length < 2 || _set.Count == 0)
            {
                return 0;
            }

            var hit = 0;
            var seen = new HashSet<int>();
            for (var i = 0; i + 1 < folded.Length; i++)
            {
                var bg = folded[i] << 16 | folded[i + 1];
                if (_set.Contains(bg))
                {
                    hit++;
                    seen.Add(bg);
                }
            }

            var precision = hit / (double)(folded.Length - 1);
            var recall = seen.Count / (double)_set.Count;
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }
}
