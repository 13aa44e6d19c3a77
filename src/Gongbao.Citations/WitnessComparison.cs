using Gongbao.Domain;
using Gongbao.Storage;

namespace Gongbao.Citations;

public sealed record WitnessDiff
{
    public required string DocumentId { get; init; }

    public required string OldSource { get; init; }

    public required string NewSource { get; init; }

    public required int OldLength { get; init; }

    public required int NewLength { get; init; }

    public required int DeletedChars { get; init; }

    public required int InsertedChars { get; init; }

    public bool Identical => DeletedChars == 0 && InsertedChars == 0;

    public required IReadOnlyList<DiffHunk> Hunks { get; init; }
}

/// <summary>
/// Compares two printed witnesses of one document. A gazette prints the issuing notice with the
/// instrument; a standalone source often has the instrument alone, so when only one side has
/// instruments, the instrument text is compared with the other side's text.
/// </summary>
public static class WitnessComparison
{
    public static string ComparableText(GazetteDocument doc, GazetteDocument peer)
    {
        if (doc.Instruments.Count > 0 && peer.Instruments.Count == 0)
        {
            return string.Join('\n', doc.Instruments.Select(i => i.Text));
        }

        return string.Join('\n', new[] { doc.Text }.Concat(doc.Instruments.Select(i => i.Text)).Where(t => t.Length > 0));
    }

    /// <param name="ignoreWidth">Treat full- and half-width forms (，/, （/( ) as equal; the hunks still show the printed text.</param>
    /// <param name="cancellation">Stops the comparison mid-way (see <see cref="TextDiff.Compute"/>).</param>
    public static WitnessDiff Compare(
        DocumentWitness oldWitness, DocumentWitness newWitness, int context = 20, bool ignoreWidth = false, CancellationToken cancellation = default)
    {
        var a = ComparableText(oldWitness.Document, newWitness.Document);
        var b = ComparableText(newWitness.Document, oldWitness.Document);
        var segments = ignoreWidth
            ? Unfold(TextDiff.Compute(FoldWidth(a), FoldWidth(b), cancellation: cancellation), a, b)
            : TextDiff.Compute(a, b, cancellation: cancellation);
        return new WitnessDiff
        {
            DocumentId = oldWitness.Document.Id,
            OldSource = oldWitness.IssueId,
            NewSource = newWitness.IssueId,
            OldLength = a.Length,
            NewLength = b.Length,
            DeletedChars = segments.Where(s => s.Operation == DiffOperation.Delete).Sum(s => s.Text.Length),
            InsertedChars = segments.Where(s => s.Operation == DiffOperation.Insert).Sum(s => s.Text.Length),
            Hunks = TextDiff.Hunks(segments, context),
        };
    }

    // Length-preserving, so diff positions on the folded text are positions in the printed text.
    private static string FoldWidth(string s) => string.Create(s.Length, s, static (span, src) =>
    {
        for (var i = 0; i < src.Length; i++)
        {
            var c = src[i];
            span[i] = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                '、' => ',',
                '—' or '–' => '-',
                _ => c,
            };
        }
    });

    private static List<DiffSegment> Unfold(List<DiffSegment> folded, string a, string b)
    {
        var result = new List<DiffSegment>(folded.Count);
        int i = 0, j = 0;
        foreach (var s in folded)
        {
            var n = s.Text.Length;
            switch (s.Operation)
            {
                case DiffOperation.Delete:
                    result.Add(new(DiffOperation.Delete, a.Substring(i, n)));
                    i += n;
                    break;
                case DiffOperation.Insert:
                    result.Add(new(DiffOperation.Insert, b.Substring(j, n)));
                    j += n;
                    break;
                default:
                    // Equal after folding: show the new witness's characters.
                    result.Add(new(DiffOperation.Equal, b.Substring(j, n)));
                    i += n;
                    j += n;
                    break;
            }
        }

        return result;
    }
}
