using System.Text.RegularExpressions;

using Gongbao.Domain;

namespace Gongbao.Citations;

/// <summary>
/// A reference printed inside a text: 《title》 or a document number, optionally followed by 第N条….
/// <see cref="TargetDocumentId"/> is set when the target is in the store; otherwise it is external.
/// </summary>
public sealed record CrossReference
{
    public required string Text { get; init; }

    public required int Start { get; init; }

    public required int Length { get; init; }

    public string? Title { get; init; }

    public string? Number { get; init; }

    public string? TargetDocumentId { get; init; }

    public string? TargetProvisionId { get; init; }

    public bool External => TargetDocumentId is null;
}

/// <summary>Finds 《…》 titles and document numbers in provision text and resolves them through the store.</summary>
public sealed partial class CrossReferenceFinder(CitationResolver resolver)
{
    private const string Num = "[" + ChineseNumeral.Characters + "]+";

    [GeneratedRegex(@"《(?<title>[^《》\n]{2,100})》(?:\s*[（(](?<num>[^（）()\n]{4,30}号)[）)])?(?<path>(?:第" + Num + "[条款项目])*)")]
    private static partial Regex TitleReference();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}]{2,10}\s*[〔\[（(【［][0-9０-９]{4}\s*[〕\]）)】］]\s*(?:第\s*)?[0-9０-９]{1,5}\s*号(?<path>(?:第" + Num + "[条款项目])*)")]
    private static partial Regex NumberReference();

    public IReadOnlyList<CrossReference> Find(string text, string? contextDocumentId = null)
    {
        var refs = new List<CrossReference>();
        var covered = new List<(int Start, int End)>();
        foreach (Match m in TitleReference().Matches(text))
        {
            var title = m.Groups["title"].Value;
            var citation = m.Groups["num"].Success ? $"《{title}》{m.Groups["num"].Value}{m.Groups["path"].Value}" : $"《{title}》{m.Groups["path"].Value}";
            refs.Add(Resolve(m.Index, m.Value, citation, title, null, contextDocumentId));
            covered.Add((m.Index, m.Index + m.Length));
        }

        foreach (Match m in NumberReference().Matches(text))
        {
            // The Han run before the bracket may begin with running text (…第五条和京规自发〔…〕): the code starts after it.
            var skip = m.Value.LastIndexOfAny(CodeBoundaries, Math.Max(0, m.Value.IndexOfAny(OpenBrackets) - 1)) + 1;
            var start = m.Index + skip;
            var value = m.Value[skip..];
            if (covered.Any(c => start < c.End && m.Index + m.Length > c.Start) || DocumentNumber.Find(value) is not { } number)
            {
                continue;
            }

            refs.Add(Resolve(start, value, value, null, number.Canonical, contextDocumentId));
        }

        refs.Sort((a, b) => a.Start.CompareTo(b.Start));
        return refs;
    }

    private static readonly char[] CodeBoundaries = "和与及的据照按条款项号于在、，,。；;：:".ToCharArray();
    private static readonly char[] OpenBrackets = "〔[（(【［".ToCharArray();

    private CrossReference Resolve(int start, string printed, string citation, string? title, string? number, string? contextDocumentId)
    {
        var selfReference = title is not null && CitationResolver.IsSelfReference(title);
        var r = resolver.Resolve(citation, selfReference ? contextDocumentId : null);
        // A reference to the document itself (its own number) is not a cross-reference target worth linking twice.
        var target = r.Result;
        return new CrossReference
        {
            Text = printed,
            Start = start,
            Length = printed.Length,
            Title = title,
            Number = number ?? r.Citation?.Number?.Canonical,
            TargetDocumentId = target?.DocumentId,
            TargetProvisionId = target?.ProvisionId,
        };
    }
}
