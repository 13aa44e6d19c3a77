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

    [GeneratedRegex(@"[(（](?<n>[^()（）]{2,30}?[〔\[【［(（]\s*[0-9０-９]{4}\s*[〕\]】］)）][^()（）]{0,12}号)\s*[)）]\s*$")]
    private static partial Regex ZhNumberAtEnd();

    [GeneratedRegex(@"[(（]\s*(?<n>[A-Za-z]+\s*[〔\[【［(（]\s*\d{4}\s*[〕\]】］)）]\s*No\.?\s*\d+)\s*[)）]\s*$")]
    private static partial Regex EnNumberAtEnd();

    [GeneratedRegex(@"^【(?<s>.+)】$")]
    private static partial Regex SectionLine();

    public static bool IsSection(string line, out string section)
    {
        var m = SectionLine().Match(line.Trim());
        section = m.Success ? m.Groups["s"].Value.Trim() : "";
        return m.Success;
    }

    public static List<ContentsLine> ParseChinese(IReadOnlyList<SourceLine> lines, DiagnosticBag diagnostics) =>
        Parse(lines, diagnostics, chinese: true);

    public static List<ContentsLine> ParseEnglish(IReadOnlyList<SourceLine> lines, DiagnosticBag diagnostics) =>
        Parse(lines, diagnostics, chinese: false);

    private static List<ContentsLine> Parse(IReadOnlyList<SourceLine> lines, DiagnosticBag diagnostics, bool chinese)
    {
        var result = new List<ContentsLine>();
        var section = "";
        var pending = new List<SourceLine>();
        foreach (var line in lines)
        {
            if (IsSection(line.Text, out var s))
            {
                Flush(pending, section, chinese, result, diagnostics, complete: false);
                section = chinese ? CjkText.RemoveSpacesAroundCjk(s) : s;
                continue;
            }

            pending.Add(line);
            if (PageAtEnd().IsMatch(line.Text))
            {
                Flush(pending, section, chinese, result, diagnostics, complete: true);
            }
        }

        Flush(pending, section, chinese, result, diagnostics, complete: false);
        return result;
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
        DocumentNumber? number = null;
        var nm = (chinese ? ZhNumberAtEnd() : EnNumberAtEnd()).Match(text);
        if (nm.Success)
        {
            numberText = chinese ? CjkText.RemoveSpacesAroundCjk(nm.Groups["n"].Value) : nm.Groups["n"].Value.Trim();
            number = chinese ? DocumentNumber.Find(nm.Groups["n"].Value) : null;
            text = text[..nm.Index].TrimEnd();
        }

        var title = chinese ? CleanChineseTitle(text) : CollapseSpaces(text);
        if (title.Length == 0)
        {
            return;
        }

        result.Add(new ContentsLine(section, title, numberText, number, page, span));
    }

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
