using System.Globalization;
using System.Text;

using Gongbao.Domain;

using Gongbao.Parsing.Documents;
using Gongbao.Parsing.Normalization;
using Gongbao.Parsing.Recognition;
using Gongbao.Parsing.Text;

namespace Gongbao.Parsing;

/// <summary>
/// Parses a gazette issue (masthead, bilingual contents, documents back to back, back matter) or a standalone
/// document into the domain model. Irregularities become diagnostics; only unusable input throws
/// <see cref="GazetteFormatException"/>.
/// </summary>
public sealed class GazetteParser
{
    private readonly LineNormalizer _normalizer = new();

    public GazetteIssue ParseFile(string path) => ParseDecoded(GazetteReader.Read(path), path);

    /// <summary>Parses raw bytes received from elsewhere (an HTTP upload); <paramref name="sourceName"/> labels diagnostics.</summary>
    public GazetteIssue ParseBytes(byte[] bytes, string sourceName) => ParseDecoded(GazetteReader.Decode(bytes, sourceName), sourceName);

    private GazetteIssue ParseDecoded(DecodedText decoded, string sourceName)
    {
        var issue = Parse(decoded.Text, sourceName, decoded.Sha256);
        if (decoded.Diagnostics.Count == 0)
        {
            return issue;
        }

        return issue with { Diagnostics = decoded.Diagnostics.Concat(issue.Diagnostics).ToList() };
    }

    public GazetteIssue Parse(string text, string sourceFile, string sha256)
    {
        var diagnostics = new DiagnosticBag(sourceFile);
        var raw = SplitLines(text);
        var lines = _normalizer.Normalize(raw);
        if (lines.Count == 0)
        {
            throw diagnostics.Fail(DiagnosticCodes.EmptyFile, 0, "no text after removing blank lines and conversion artefacts");
        }

        var layout = IssueLayout.Find(lines);
        if (layout.ContentsIndex < 0)
        {
            if (layout.HasMasthead)
            {
                diagnostics.Warning(DiagnosticCodes.NoContents, lines[0].Line,
                    "issue masthead without contents (目录): parsed as a single document");
                return ParseStandalone(lines.Skip(layout.MastheadEnd).ToList(), sourceFile, sha256, diagnostics, MastheadRecognizer.Read(lines.Take(layout.MastheadEnd).ToList(), []));
            }

            return ParseStandalone(lines, sourceFile, sha256, diagnostics, null);
        }

        return ParseIssue(lines, layout, sourceFile, sha256, diagnostics);
    }

    private GazetteIssue ParseIssue(List<SourceLine> lines, IssueLayout layout, string sourceFile, string sha256, DiagnosticBag diagnostics)
    {
        var masthead = MastheadRecognizer.Read(lines.Take(layout.ContentsIndex).ToList(), lines.Skip(layout.EnglishMastheadStart).Take(layout.EnglishContentsStart - layout.EnglishMastheadStart).ToList());
        if (masthead.Year is null || masthead.Number is null)
        {
            diagnostics.Warning(DiagnosticCodes.MastheadFieldMissing, lines[0].Line, "masthead lacks the year or the issue number (第N期)");
        }

        var issueId = string.Create(CultureInfo.InvariantCulture,
            $"{MastheadRecognizer.IssuePrefix(masthead.Title)}-{masthead.Year?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}-{masthead.Number?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}");

        var zh = ContentsParser.ParseChinese(lines.Skip(layout.ContentsIndex + 1).Take(layout.EnglishMastheadStart - layout.ContentsIndex - 1).ToList(), diagnostics);
        var en = ContentsParser.ParseEnglish(lines.Skip(layout.EnglishContentsStart + 1).Take(layout.EnglishContentsEnd - layout.EnglishContentsStart - 1).ToList(), diagnostics, zh);
        var toc = ContentsParser.Align(zh, en, diagnostics);

        var body = lines.Skip(layout.BodyStart).ToList();
        var bodyEnd = BackMatterRecognizer.FindStart(body);
        var segmentation = DocumentSegmenter.Segment(body, toc, bodyEnd, diagnostics);
        var slices = segmentation.Slices;
        if (slices.Count > 0 && slices[0].Start > 0)
        {
            diagnostics.Warning(DiagnosticCodes.UnassignedText, body[0].Line,
                $"{slices[0].Start} line(s) before the first document belong to no contents entry");
        }

        var assembler = new DocumentAssembler(diagnostics);
        var documents = new List<GazetteDocument>(slices.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var slice in slices)
        {
            var entry = slice.Entry!;
            var header = HeaderReader.Read(body, slice);
            var number = header.PrintedNumber ?? entry.Number;
            if (header.PrintedNumber is not null && entry.Number is not null && header.PrintedNumber.Canonical != entry.Number.Canonical)
            {
                diagnostics.Warning(DiagnosticCodes.NumberMismatch, body[slice.Start].Line,
                    $"printed number {header.PrintedNumber.Printed} differs from contents {entry.Number.Printed}");
            }

            var ordinal = documents.Count + 1;
            var id = number?.Slug ?? $"{issueId}/doc-{entry.Ordinal.ToString(CultureInfo.InvariantCulture)}";
            if (!ids.Add(id))
            {
                diagnostics.Warning(DiagnosticCodes.DuplicateId, body[slice.Start].Line, $"document ID {id} already used in this issue; suffixed");
                id = $"{id}-{ordinal.ToString(CultureInfo.InvariantCulture)}";
                ids.Add(id);
            }

            var input = new DocumentInput(
                id, ordinal, entry.TitleZh, entry.TitleEn, number, entry.SectionZh, entry.Page, header,
                body.Skip(slice.Start).Take(header.ContentStart - slice.Start).ToList(),
                body.Skip(header.ContentStart).Take(slice.End - header.ContentStart).ToList());
            var document = assembler.Assemble(input);
            CheckTruncation(document, body, slice, diagnostics);
            documents.Add(document);
        }

        return new GazetteIssue
        {
            Id = issueId,
            Kind = SourceKind.Issue,
            GazetteTitle = masthead.Title,
            Year = masthead.Year,
            Number = masthead.Number,
            CumulativeNumber = masthead.CumulativeNumber,
            PublicationDate = masthead.Date,
            Sponsor = masthead.Sponsor,
            SponsorEn = masthead.SponsorEn,
            SourceFile = sourceFile,
            SourceSha256 = sha256,
            Contents = toc,
            Documents = documents,
            MissingEntries = segmentation.Missing,
            Diagnostics = diagnostics.Items.ToList(),
        };
    }

    private static void CheckTruncation(GazetteDocument document, List<SourceLine> body, DocumentSlice slice, DiagnosticBag diagnostics)
    {
        if (slice.End <= slice.Start)
        {
            return;
        }

        var last = body[slice.End - 1];
        if (!PageBreakJoiner.EndsSentence(last.Text) && !DateRecognizer.IsDateLine(last.Text) && !last.Text.Contains('\t')
            && !IssuerRecognizer.IsIssuerLine(last.Text) && (last.Text.Length > 20 || last.Text.IndexOfAny(['，', ',', '、']) >= 0))
        {
            diagnostics.Warning(DiagnosticCodes.DocumentTruncated, last.Line,
                $"document {document.Id} ends mid-sentence: the text may be cut off");
        }
    }

    private GazetteIssue ParseStandalone(List<SourceLine> lines, string sourceFile, string sha256, DiagnosticBag diagnostics, Masthead? masthead)
    {
        if (lines.Count == 0)
        {
            throw diagnostics.Fail(DiagnosticCodes.NoStructure, 1, "no document text after the masthead");
        }

        var header = HeaderReader.ReadStandalone(lines);
        var title = header.PrintedTitle ?? CjkText.RemoveSpacesAroundCjk(lines[0].Text);
        var number = header.PrintedNumber;
        string id;
        if (number is not null)
        {
            id = number.Slug;
        }
        else
        {
            id = IdFromFileName(sourceFile);
            diagnostics.Info(DiagnosticCodes.StandaloneIdFromFileName, lines[0].Line,
                $"no document number printed; document ID '{id}' taken from the file name");
        }

        var input = new DocumentInput(id, 1, title, null, number, null, null, header,
            lines.Take(header.ContentStart).ToList(), lines.Skip(header.ContentStart).ToList());
        var document = new DocumentAssembler(diagnostics).Assemble(input);
        return new GazetteIssue
        {
            Id = $"standalone-{id}",
            Kind = SourceKind.Standalone,
            GazetteTitle = masthead?.Title,
            Year = masthead?.Year,
            Number = masthead?.Number,
            CumulativeNumber = masthead?.CumulativeNumber,
            PublicationDate = masthead?.Date,
            Sponsor = masthead?.Sponsor,
            SponsorEn = masthead?.SponsorEn,
            SourceFile = sourceFile,
            SourceSha256 = sha256,
            Documents = [document],
            Diagnostics = diagnostics.Items.ToList(),
        };
    }

    /// <summary>
    /// Document ID for a standalone text that prints no number: the file name as an ASCII slug, without a
    /// leading "standalone-" (standalone-jingguangdianfa-2021-93.txt → jingguangdianfa-2021-93).
    /// </summary>
    public static string IdFromFileName(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        if (stem.StartsWith("standalone-", StringComparison.OrdinalIgnoreCase))
        {
            stem = stem["standalone-".Length..];
        }

        var sb = new StringBuilder(stem.Length * 2);
        foreach (var c in stem)
        {
            var piece = char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c).ToString() : CjkText.IsCjk(c) ? Pinyin.Romanize(c.ToString()) : "-";
            if (piece == "-" && (sb.Length == 0 || sb[^1] == '-'))
            {
                continue;
            }

            sb.Append(piece);
        }

        var slug = sb.ToString().Trim('-');
        return slug.Length > 0 ? slug : "document";
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>(text.Length / 40 + 1);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                var end = i > start && text[i - 1] == '\r' ? i - 1 : i;
                lines.Add(text[start..end]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..].TrimEnd('\r'));
        }

        return lines;
    }
}
