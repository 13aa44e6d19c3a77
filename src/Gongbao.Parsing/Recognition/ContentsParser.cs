using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

using Gongbao.Domain;

using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Recognition;

/// <summary>One parsed contents entry in one language, before alignment.</summary>
public sealed record ContentsLine(string Section, string Title, string? NumberText, DocumentNumber? Number, int? Page, SourceSpan Span);

/// <summary>
/// Parses the Chinese 目录 and English CONTENTS: section headings 【…】, entries wrapped over several lines
/// ending with the page "(N)", the document number in parentheses before it; then aligns both lists.
/// </summary>
public static partial class ContentsParser
{
    [GeneratedRegex(@"[(（]\s*(?<p>[0-9０-９]{1,4})\s*[)）]\s*$")]
    private static partial Regex PageAtEnd();

    // A number in parentheses before the page: 京政发〔2021〕28号, 北京市人民政府令第312号, 2023年第3号.
    [GeneratedRegex(@"[(（](?<n>[^()（）]{2,30}?[〔\[【［(（]\s*[0-9０-９]{4}\s*[〕\]】］)）][^()（）]{0,12}号|[^()（）]{2,30}?令\s*第\s*[0-9０-９]{1,5}\s*号|[^()（）]{0,30}?[0-9０-９]{4}\s*年\s*第\s*[0-9０-９]{1,5}\s*号)\s*[)）]\s*$")]
    private static partial Regex ZhNumberAtEnd();

    // Romanised numbers: Jingzhengfa[2021]No. 28; other forms keep "No. N" inside the parentheses (Order No. 312, 2023 No. 3).
    [GeneratedRegex(@"[(（]\s*(?<n>[A-Za-z]+\s*[〔\[【［(（]\s*\d{4}\s*[〕\]】］)）]\s*No\.?\s*\d+|[^()（）]{0,60}?No\.\s*\d+)\s*[)）]\s*$")]
    private static partial Regex EnNumberAtEnd();

    // A section line in any bracket form: 【部门文件】, [部门文件], ［…］, (部门文件), （…）.
    [GeneratedRegex(@"^(?:【(?<s>[^【】]+)】|[\[［](?<s>[^\[\]［］]+)[\]］]|[(（](?<s>[^()（）0-9０-９]+)[)）])$")]
    private static partial Regex SectionLine();

    [GeneratedRegex(@"\b(?:and|of|on|for|to|the|in|about|by|with|a)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingConnector();

    /// <summary>A bracketed section line (【…】, […], (…)); bare section lines depend on the position, see <see cref="Parse"/>.</summary>
    public static bool IsSection(string line, out string section)
    {
        var m = SectionLine().Match(line.Trim());
        section = m.Success ? m.Groups["s"].Value.Trim() : "";
        return m.Success;
    }

    public static List<ContentsLine> ParseChinese(IReadOnlyList<SourceLine> lines, DiagnosticBag diagnostics) =>
        Parse(lines, diagnostics, null);

    /// <summary>
    /// Parses the English contents. With the parsed Chinese list, a bare line where the Chinese list starts a
    /// new section is read as that section's English heading, so it never becomes part of the next title.
    /// </summary>
    public static List<ContentsLine> ParseEnglish(IReadOnlyList<SourceLine> lines, DiagnosticBag diagnostics, IReadOnlyList<ContentsLine>? chinese = null) =>
        Parse(lines, diagnostics, chinese ?? []);

    private static List<ContentsLine> Parse(IReadOnlyList<SourceLine> lines, DiagnosticBag diagnostics, IReadOnlyList<ContentsLine>? chinese)
    {
        var isChinese = chinese is null;
        var result = new List<ContentsLine>();
        var section = "";
        var pending = new List<SourceLine>();
        var sectionsSeen = 0;
        foreach (var line in lines)
        {
            var bracketed = IsSection(line.Text, out var s);
            if (bracketed && (pending.Count == 0 || line.Text.TrimStart()[0] is '【' or '[' or '［'))
            {
                Flush(pending, section, isChinese, result, diagnostics, complete: false);
                section = isChinese ? CjkText.RemoveSpacesAroundCjk(s) : s;
                sectionsSeen++;
                continue;
            }

            if (pending.Count == 0 && !PageAtEnd().IsMatch(line.Text)
                && (isChinese ? IsBareChineseSection(line.Text) : IsBareEnglishSection(line.Text, result.Count, sectionsSeen, chinese!)))
            {
                section = isChinese ? CjkText.RemoveSpacesAroundCjk(line.Text.Trim()) : line.Text.Trim();
                sectionsSeen++;
                continue;
            }

            pending.Add(line);
            if (PageAtEnd().IsMatch(line.Text))
            {
                Flush(pending, section, isChinese, result, diagnostics, complete: true);
            }
        }

        Flush(pending, section, isChinese, result, diagnostics, complete: false);
        return result;
    }

    /// <summary>A bare Chinese section heading: a short run of CJK words that is neither an issuer nor a title.</summary>
    private static bool IsBareChineseSection(string text)
    {
        var t = CjkText.RemoveSpacesAroundCjk(text.Trim());
        if (t.Length is < 2 or > 12 || t.Contains("关于", StringComparison.Ordinal) || t.Contains('的'))
        {
            return false;
        }

        foreach (var c in t)
        {
            if (!CjkText.IsCjk(c) && c is not (' ' or '、'))
            {
                return false;
            }
        }

        return !IssuerRecognizer.IsIssuerLine(t) && Documents.DocumentKindClassifier.Classify(t) == DocumentKind.Other;
    }

    /// <summary>
    /// A bare English section heading: where the Chinese list opens a new section, a short line without page,
    /// number or a trailing connector (a wrapped title's first line ends mid-phrase).
    /// </summary>
    private static bool IsBareEnglishSection(string text, int entryIndex, int sectionsSeen, IReadOnlyList<ContentsLine> chinese)
    {
        var t = text.Trim();
        if (entryIndex >= chinese.Count || t.StartsWith('-') || t.Any(char.IsAsciiDigit) || TrailingConnector().IsMatch(t)
            || t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 24 || t.Contains(" on ", StringComparison.Ordinal)
            || chinese[entryIndex].Section.Length == 0)
        {
            return false;
        }

        var opensSection = entryIndex == 0 || chinese[entryIndex].Section != chinese[entryIndex - 1].Section;
        var sectionsBefore = chinese.Take(entryIndex + 1).Select(c => c.Section).Distinct().Count();
        return opensSection && sectionsSeen < sectionsBefore;
    }

    private static void Flush(List<SourceLine> pending, string section, bool chinese, List<ContentsLine> result, DiagnosticBag diagnostics, bool complete)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var span = new SourceSpan(pending[0].Span.StartLine, pending[^1].Span.EndLine);
        var text = chinese ? string.Concat(pending.Select(p => p.Text)) : JoinEnglish(pending);
        pending.Clear();
        if (!complete)
        {
            diagnostics.Warning(DiagnosticCodes.ContentsEntryIncomplete, span.StartLine, $"contents entry without a page number: {Shorten(text)}");
        }

        int? page = null;
        var pm = PageAtEnd().Match(text);
        if (pm.Success)
        {
            page = int.Parse(TextFold.FoldWidth(pm.Groups["p"].Value), CultureInfo.InvariantCulture);
            text = text[..pm.Index].TrimEnd();
        }

        string? numberText = null;
        var nm = (chinese ? ZhNumberAtEnd() : EnNumberAtEnd()).Match(text);
        if (nm.Success)
        {
            numberText = chinese ? CjkText.RemoveSpacesAroundCjk(nm.Groups["n"].Value) : nm.Groups["n"].Value.Trim();
            text = text[..nm.Index].TrimEnd();
        }

        var title = chinese ? CleanChineseTitle(text) : CollapseSpaces(text);
        var number = chinese && numberText is not null ? ParseNumber(numberText, title) : null;
        if (title.Length == 0)
        {
            return;
        }

        result.Add(new ContentsLine(section, title, numberText, number, page, span));
    }

    /// <summary>A contents number in any printed form; a year-series number takes its series from the title.</summary>
    public static DocumentNumber? ParseNumber(string text, string title) =>
        DocumentNumber.Find(text)
        ?? DocumentNumber.FindOrder(text)
        ?? DocumentNumber.FindYearSerial(text, IssuerRecognizer.YearSeriesCode(title));

    /// <summary>
    /// Removes stray spaces left by line breaks from a Chinese title, keeping the space that separates
    /// joint issuers ("北京市市场监督管理局 北京市财政局关于…").
    /// </summary>
    public static string CleanChineseTitle(string text)
    {
        var t = text.Trim();
        var issuerEnd = IssuerPrefixEnd(t);
        var sb = new StringBuilder(t.Length);
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            if (!CjkText.IsSpace(c))
            {
                sb.Append(c);
                continue;
            }

            var j = i;
            while (j < t.Length && CjkText.IsSpace(t[j]))
            {
                j++;
            }

            var prev = sb.Length > 0 ? sb[^1] : ' ';
            var next = j < t.Length ? t[j] : ' ';
            var keep = !CjkText.IsCjkOrCjkPunctuation(prev) && !CjkText.IsCjkOrCjkPunctuation(next) && prev != ' '
                || j < issuerEnd && IssuerRecognizer.IsIssuerLine(LastToken(sb)) && CjkText.IsCjk(next);
            if (keep && j < t.Length)
            {
                sb.Append(' ');
            }

            i = j - 1;
        }

        return sb.ToString();
    }

    private static string LastToken(StringBuilder sb)
    {
        var s = sb.ToString();
        var i = s.LastIndexOf(' ');
        return i < 0 ? s : s[(i + 1)..];
    }

    private static int IssuerPrefixEnd(string t)
    {
        var end = t.Length;
        foreach (var key in new[] { "关于", "印发", "转发", "发布" })
        {
            var i = t.IndexOf(key, StringComparison.Ordinal);
            if (i >= 0 && i < end)
            {
                end = i;
            }
        }

        return end;
    }

    private static string JoinEnglish(List<SourceLine> lines)
    {
        var sb = new StringBuilder();
        foreach (var l in lines)
        {
            var t = l.Text.Trim();
            if (sb.Length > 0 && sb[^1] is not ('–' or '—' or '-'))
            {
                sb.Append(' ');
            }

            sb.Append(t);
        }

        return sb.ToString();
    }

    private static string CollapseSpaces(string s) => Regex.Replace(s.Trim(), @"\s+", " ");

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;

    /// <summary>Aligns Chinese and English entries: by position when the counts agree, else by page.</summary>
    public static List<TocEntry> Align(List<ContentsLine> zh, List<ContentsLine> en, DiagnosticBag diagnostics)
    {
        var pairs = new ContentsLine?[zh.Count];
        if (zh.Count == en.Count)
        {
            for (var i = 0; i < zh.Count; i++)
            {
                pairs[i] = en[i];
            }
        }
        else
        {
            if (en.Count > 0)
            {
                diagnostics.Warning(DiagnosticCodes.ContentsMisaligned, en[0].Span.StartLine,
                    $"English contents has {en.Count} entries, Chinese has {zh.Count}; aligned by page number");
            }

            var used = new bool[en.Count];
            for (var i = 0; i < zh.Count; i++)
            {
                for (var k = 0; k < en.Count; k++)
                {
                    if (!used[k] && en[k].Page == zh[i].Page)
                    {
                        used[k] = true;
                        pairs[i] = en[k];
                        break;
                    }
                }
            }
        }

        var sectionMap = MapSections(zh, en);
        var entries = new List<TocEntry>(zh.Count);
        for (var i = 0; i < zh.Count; i++)
        {
            var z = zh[i];
            var e = pairs[i];
            if (e is not null && e.Page != z.Page && z.Page is not null && e.Page is not null)
            {
                diagnostics.Warning(DiagnosticCodes.ContentsMisaligned, e.Span.StartLine,
                    $"English contents entry {i + 1} has page {e.Page}, Chinese has {z.Page}");
            }

            entries.Add(new TocEntry
            {
                Ordinal = i + 1,
                SectionZh = z.Section,
                SectionEn = sectionMap.GetValueOrDefault(z.Section),
                TitleZh = z.Title,
                TitleEn = e?.Title,
                Number = z.Number,
                NumberEn = e?.NumberText,
                Page = z.Page,
                Span = z.Span,
                SpanEn = e?.Span,
            });
        }

        return entries;
    }

    private static Dictionary<string, string> MapSections(List<ContentsLine> zh, List<ContentsLine> en)
    {
        var zs = zh.Select(z => z.Section).Distinct().ToList();
        var es = en.Select(e => e.Section).Distinct().ToList();
        var map = new Dictionary<string, string>();
        for (var i = 0; i < zs.Count && i < es.Count; i++)
        {
            map[zs[i]] = es[i];
        }

        return map;
    }
}
