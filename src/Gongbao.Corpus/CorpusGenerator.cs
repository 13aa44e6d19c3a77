using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

using Gongbao.Domain;
using Gongbao.Parsing;

namespace Gongbao.Corpus;

/// <summary>One generated gazette issue: its text and what a parser should find in it.</summary>
public sealed record GeneratedIssue(
    string FileName,
    string Text,
    int Year,
    int Number,
    DateOnly PublicationDate,
    IReadOnlyList<string> DocumentIds);

/// <summary>
/// Synthetic gazette issues in the real layout (masthead, bilingual contents, documents back to back),
/// recombined from parsed source issues: every generated issue gets a new number, date and cumulative
/// number, a shuffled selection of documents with new document numbers (in the contents, the body and
/// the English contents alike), and the contents of some articles swapped between article labels.
/// Deterministic: the same sources, seed and count give byte-identical texts.
/// </summary>
public sealed partial class CorpusGenerator
{
    private static readonly string[] MonthsEn =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private readonly IReadOnlyList<SourceDocument> _pool;
    private readonly IReadOnlyList<int> _issueSizes;
    private readonly int _seed;

    private CorpusGenerator(IReadOnlyList<SourceDocument> pool, IReadOnlyList<int> issueSizes, int seed)
    {
        _pool = pool;
        _issueSizes = issueSizes;
        _seed = seed;
    }

    /// <summary>Number of source issues; scale 1× generates this many issues.</summary>
    public int SourceIssueCount => _issueSizes.Count;

    /// <summary>Documents available for recombination.</summary>
    public int PoolSize => _pool.Count;

    /// <summary>Total characters of the source issues, to relate a scale to the real corpus size.</summary>
    public long SourceCharacters { get; private init; }

    /// <summary>Reads and parses the gazette issues among <paramref name="files"/> (standalone texts are skipped).</summary>
    public static CorpusGenerator FromFiles(IEnumerable<string> files, int seed)
    {
        var parser = new GazetteParser();
        var pool = new List<SourceDocument>();
        var sizes = new List<int>();
        long characters = 0;
        foreach (var file in files.OrderBy(f => f, StringComparer.Ordinal))
        {
            var decoded = GazetteReader.Read(file);
            var issue = parser.Parse(decoded.Text, file, decoded.Sha256);
            if (issue.Kind != SourceKind.Issue || issue.Contents.Count == 0)
            {
                continue;
            }

            var lines = decoded.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var taken = 0;
            foreach (var document in issue.Documents)
            {
                // The document's contents entry gives the bilingual title and section it is listed under.
                var entry = issue.Contents.FirstOrDefault(e => e.Ordinal == document.Ordinal)
                    ?? issue.Contents.FirstOrDefault(e => e.TitleZh == document.TitleZh);
                if (entry is null || document.Span.StartLine < 1 || document.Span.EndLine > lines.Length)
                {
                    continue;
                }

                var body = lines[(document.Span.StartLine - 1)..document.Span.EndLine];
                pool.Add(new SourceDocument(entry, document.Number, body));
                taken++;
            }

            if (taken > 0)
            {
                sizes.Add(taken);
                characters += decoded.Text.Length;
            }
        }

        if (pool.Count == 0)
        {
            throw new InvalidOperationException("no gazette issue with a table of contents among the source files");
        }

        return new CorpusGenerator(pool, sizes, seed) { SourceCharacters = characters };
    }

    /// <summary>The sample gazettes (shared/gazettes beside the repository) as sources.</summary>
    public static CorpusGenerator FromSamples(int seed) =>
        FromFiles(Directory.GetFiles(SampleGazettes.TryLocate()
            ?? throw new InvalidOperationException("sample gazettes not found (shared/gazettes beside the repository, or GONGBAO_GAZETTES)"), "*.txt"), seed);

    /// <summary>Issues for a scale factor: <paramref name="scale"/> × the number of source issues.</summary>
    public IEnumerable<GeneratedIssue> GenerateScale(int scale) => Generate(scale * SourceIssueCount);

    /// <summary>
    /// <paramref name="count"/> issues, numbered from 1 in a run of synthetic years (2101…, beyond any real
    /// issue, 24 issues a year), each as large as a source issue in turn. Streams: one issue in memory at a time.
    /// </summary>
    public IEnumerable<GeneratedIssue> Generate(int count)
    {
        var random = new Random(_seed);
        var serials = new Dictionary<(string Code, int Year), int>();
        for (var i = 0; i < count; i++)
        {
            var year = 2101 + (i / 24);
            var number = (i % 24) + 1;
            var date = new DateOnly(year, 1, 1).AddDays(((number - 1) * 15) + random.Next(0, 10));
            var size = Math.Min(_issueSizes[i % _issueSizes.Count], _pool.Count);
            var picks = Enumerable.Range(0, _pool.Count).OrderBy(_ => random.Next()).Take(size).Select(k => _pool[k]).ToList();
            yield return Compose(random, serials, year, number, 1000 + i, date, picks);
        }
    }

    private static GeneratedIssue Compose(Random random, Dictionary<(string, int), int> serials, int year, int number, int cumulative,
        DateOnly date, List<SourceDocument> picks)
    {
        // The contents list documents grouped by section, in first-appearance order; bodies follow that order.
        var ordered = picks.GroupBy(p => p.Entry.SectionZh).SelectMany(g => g).ToList();
        var numbers = ordered.Select(p => p.Number is null ? null : Renumber(serials, p.Number, year)).ToList();

        var text = new StringBuilder(ordered.Sum(p => p.Body.Sum(l => l.Length + 1)) + 4096);
        var inv = CultureInfo.InvariantCulture;
        text.Append("\n北京市人民政府公报\n\n").Append(year.ToString(inv)).Append("\n\n")
            .Append(inv, $"第 {number} 期（总第 {cumulative} 期）\n\n")
            .Append("GAZETTE OF THE PEOPLE'S\nGOVERNMENT OF BEIJING MUNICIPALITY\n\n北京市人民政府公报\n\nBEIJINGSHI RENMIN ZHENGFU GONGBAO\n\n")
            .Append(inv, $"{date.Year}年{date.Month}月{date.Day}日 第{number}期 北京市人民政府办公厅主办\n\n目 录\n\n");

        var page = 3;
        var pages = new List<int>();
        string? section = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var entry = ordered[i].Entry;
            if (entry.SectionZh != section)
            {
                section = entry.SectionZh;
                text.Append('【').Append(section).Append("】\n\n");
            }

            pages.Add(page);
            text.Append(entry.TitleZh);
            if (numbers[i] is { } n)
            {
                text.Append(" (").Append(n.Canonical).Append(')');
            }

            text.Append('\t').Append(inv, $"({page})\n");
            page += 2 + (ordered[i].Body.Length / 40);
        }

        text.Append("\nGAZETTE OF THE PEOPLES GOVERNMENT OF BEIJING MUNICIPALITY\n\n")
            .Append(inv, $"{MonthsEn[date.Month - 1]} {date.Day}, {date.Year}\n\nIssue No. {number}\n\n")
            .Append("Sponsored by the General Office of the People's Government of Beijing Municipality\n\nCONTENTS\n\n");
        section = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var entry = ordered[i].Entry;
            if (entry.SectionZh != section)
            {
                section = entry.SectionZh;
                text.Append('【').Append(entry.SectionEn ?? section).Append("】\n\n");
            }

            text.Append(entry.TitleEn ?? entry.TitleZh);
            if (numbers[i] is { } n && ordered[i].Number is { } old && entry.NumberEn is { } en)
            {
                text.Append(" (").Append(RenumberEnglish(en, old, n)).Append(')');
            }

            text.Append(inv, $" ({pages[i]})\n\n");
        }

        text.Append("(The Table of Contents is prepared in both Chinese and English, with the Chinese version being official.)\n\n");

        var ids = new List<string>();
        var issueId = string.Create(inv, $"beijing-{year}-{number}");
        for (var i = 0; i < ordered.Count; i++)
        {
            var body = SwapArticleContents(random, ordered[i].Body);
            foreach (var line in body)
            {
                text.Append(ordered[i].Number is { } old && numbers[i] is { } n ? ReplaceNumber(line, old, n) : line).Append('\n');
            }

            text.Append('\n');
            ids.Add(numbers[i]?.Slug ?? string.Create(inv, $"{issueId}/doc-{i + 1}"));
        }

        return new GeneratedIssue(string.Create(inv, $"synthetic-{year}-{number:D2}.txt"), text.ToString(), year, number, date, ids);
    }

    private static DocumentNumber Renumber(Dictionary<(string, int), int> serials, DocumentNumber old, int year)
    {
        var key = (old.IssuerCode, year);
        var serial = serials.TryGetValue(key, out var last) ? last + 1 : 1;
        serials[key] = serial;
        return new DocumentNumber(old.IssuerCode, year, serial, "");
    }

    // Every printed form of the old number (any bracket or digit width) becomes the new canonical form.
    private static string ReplaceNumber(string line, DocumentNumber old, DocumentNumber replacement)
    {
        if (!line.Contains(old.IssuerCode, StringComparison.Ordinal))
        {
            return line;
        }

        return PrintedNumber().Replace(line, m =>
            m.Groups["code"].Value.EndsWith(old.IssuerCode, StringComparison.Ordinal)
            && Fold(m.Groups["year"].Value) == old.Year && Fold(m.Groups["serial"].Value) == old.Serial
                ? string.Concat(m.Groups["code"].Value.AsSpan(0, m.Groups["code"].Value.Length - old.IssuerCode.Length), replacement.Canonical)
                : m.Value);
    }

    private static string RenumberEnglish(string printed, DocumentNumber old, DocumentNumber replacement)
    {
        var inv = CultureInfo.InvariantCulture;
        var m = EnglishNumber().Match(printed);
        return m.Success && int.Parse(m.Groups["year"].Value, inv) == old.Year
            ? printed[..m.Groups["year"].Index] + replacement.Year.ToString(inv)
                + printed[(m.Groups["year"].Index + 4)..m.Groups["serial"].Index]
                + replacement.Serial.ToString(inv) + printed[(m.Groups["serial"].Index + m.Groups["serial"].Length)..]
            : printed;
    }

    /// <summary>
    /// Swaps the contents (text after the 第N条 label) of some pairs of articles, keeping labels and
    /// line structure: article numbering and document boundaries stay as printed, the wording moves.
    /// The last article of a document is never moved, since its block runs into the signature.
    /// </summary>
    private static string[] SwapArticleContents(Random random, string[] body)
    {
        var articles = new List<int>();
        for (var i = 0; i < body.Length; i++)
        {
            if (ArticleLabel().IsMatch(body[i]))
            {
                articles.Add(i);
            }
        }

        var result = (string[])body.Clone();
        if (articles.Count < 3)
        {
            return result;
        }

        // Only single-line articles are swapped, so multi-line blocks (items, tables) stay intact.
        var movable = articles.Take(articles.Count - 1)
            .Where(i => i + 1 < body.Length && (ArticleLabel().IsMatch(body[i + 1]) || string.IsNullOrWhiteSpace(body[i + 1]) && i + 2 < body.Length && ArticleLabel().IsMatch(body[i + 2])))
            .ToList();
        for (var k = 0; k + 1 < movable.Count; k += 2)
        {
            if (random.Next(2) == 0)
            {
                continue;
            }

            var (a, b) = (movable[k], movable[k + 1]);
            var ma = ArticleLabel().Match(body[a]);
            var mb = ArticleLabel().Match(body[b]);
            result[a] = string.Concat(ma.Value, body[b].AsSpan(mb.Length));
            result[b] = string.Concat(mb.Value, body[a].AsSpan(ma.Length));
        }

        return result;
    }

    private static int Fold(string digits) =>
        int.Parse(string.Concat(digits.Select(c => c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c)), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<code>[\p{IsCJKUnifiedIdeographs}]{2,10})\s*[〔\[（(【［](?<year>[0-9０-９]{4})\s*[〕\]）)】］]\s*(?:第\s*)?(?<serial>[0-9０-９]{1,5})\s*号")]
    private static partial Regex PrintedNumber();

    [GeneratedRegex(@"(?<year>\d{4})\s*[〕\]）)】］]\s*No\.\s*(?<serial>\d{1,5})")]
    private static partial Regex EnglishNumber();

    [GeneratedRegex(@"^\s*第[一二三四五六七八九十百零〇两]+条(?:\s*【[^】]*】)?\s*")]
    private static partial Regex ArticleLabel();

    private sealed record SourceDocument(TocEntry Entry, DocumentNumber? Number, string[] Body);
}
