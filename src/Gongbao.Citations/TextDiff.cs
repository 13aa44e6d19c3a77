using System.Diagnostics;

namespace Gongbao.Citations;

public enum DiffOperation
{
    Equal,
    Delete,
    Insert,
}

public readonly record struct DiffSegment(DiffOperation Operation, string Text);

/// <summary>A group of nearby changes with some unchanged context around them.</summary>
public sealed record DiffHunk
{
    /// <summary>Character offsets of the hunk (context included) in the old and new text.</summary>
    public required int OldStart { get; init; }

    public required int OldLength { get; init; }

    public required int NewStart { get; init; }

    public required int NewLength { get; init; }

    /// <summary>1-based line numbers where the hunk starts in the old and new text.</summary>
    public required int OldLine { get; init; }

    public required int NewLine { get; init; }

    public required IReadOnlyList<DiffSegment> Segments { get; init; }
}

/// <summary>
/// Character-level diff (Myers' O(ND) algorithm, linear-space middle-snake bisection, after trimming
/// the common prefix and suffix), tidied so one-character equalities between edits do not split a
/// change, and grouped into hunks for reading.
/// </summary>
public static class TextDiff
{
    /// <param name="timeout">Past it the remaining difference is reported wholesale (delete all, insert all): an answer, less minimal.</param>
    /// <param name="cancellation">
    /// Stops the work itself (checked inside the Myers loop, not only between calls) and throws
    /// <see cref="OperationCanceledException"/>: an aborted or timed-out request leaves no comparison running.
    /// </param>
    public static List<DiffSegment> Compute(string oldText, string newText, TimeSpan? timeout = null, CancellationToken cancellation = default)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? TimeSpan.FromSeconds(5)).TotalSeconds * Stopwatch.Frequency);
        var result = new List<DiffSegment>();
        Diff(oldText, newText, deadline, cancellation, result);
        return Cleanup(Merge(result), cancellation);
    }

    private static void Diff(string a, string b, long deadline, CancellationToken cancellation, List<DiffSegment> output)
    {
        if (a == b)
        {
            if (a.Length > 0)
            {
                output.Add(new(DiffOperation.Equal, a));
            }

            return;
        }

        var prefix = CommonPrefix(a, b);
        var common = a[..prefix];
        a = a[prefix..];
        b = b[prefix..];
        var suffix = CommonSuffix(a, b);
        var commonEnd = a[(a.Length - suffix)..];
        a = a[..(a.Length - suffix)];
        b = b[..(b.Length - suffix)];
        if (common.Length > 0)
        {
            output.Add(new(DiffOperation.Equal, common));
        }

        if (a.Length == 0)
        {
            output.Add(new(DiffOperation.Insert, b));
        }
        else if (b.Length == 0)
        {
            output.Add(new(DiffOperation.Delete, a));
        }
        else
        {
            Bisect(a, b, deadline, cancellation, output);
        }

        if (commonEnd.Length > 0)
        {
            output.Add(new(DiffOperation.Equal, commonEnd));
        }
    }

    // Myers' middle snake: walk forward and reverse paths until they overlap, then split there.
    private static void Bisect(string a, string b, long deadline, CancellationToken cancellation, List<DiffSegment> output)
    {
        int n = a.Length, m = b.Length;
        var maxD = (n + m + 1) / 2;
        var vOffset = maxD;
        var vLength = (2 * maxD) + 2;
        var v1 = new int[vLength];
        var v2 = new int[vLength];
        Array.Fill(v1, -1);
        Array.Fill(v2, -1);
        v1[vOffset + 1] = 0;
        v2[vOffset + 1] = 0;
        var delta = n - m;
        var front = delta % 2 != 0;
        int k1Start = 0, k1End = 0, k2Start = 0, k2End = 0;
        for (var d = 0; d < maxD; d++)
        {
            if ((d & 63) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
                if (Stopwatch.GetTimestamp() > deadline)
                {
                    break;
                }
            }

            for (var k1 = -d + k1Start; k1 <= d - k1End; k1 += 2)
            {
                var k1Offset = vOffset + k1;
                var x1 = k1 == -d || (k1 != d && v1[k1Offset - 1] < v1[k1Offset + 1]) ? v1[k1Offset + 1] : v1[k1Offset - 1] + 1;
                var y1 = x1 - k1;
                while (x1 < n && y1 < m && a[x1] == b[y1])
                {
                    x1++;
                    y1++;
                }

                v1[k1Offset] = x1;
                if (x1 > n)
                {
                    k1End += 2;
                }
                else if (y1 > m)
                {
                    k1Start += 2;
                }
                else if (front)
                {
                    var k2Offset = vOffset + delta - k1;
                    if (k2Offset >= 0 && k2Offset < vLength && v2[k2Offset] != -1 && x1 >= n - v2[k2Offset])
                    {
                        Split(a, b, x1, y1, deadline, cancellation, output);
                        return;
                    }
                }
            }

            for (var k2 = -d + k2Start; k2 <= d - k2End; k2 += 2)
            {
                var k2Offset = vOffset + k2;
                var x2 = k2 == -d || (k2 != d && v2[k2Offset - 1] < v2[k2Offset + 1]) ? v2[k2Offset + 1] : v2[k2Offset - 1] + 1;
                var y2 = x2 - k2;
                while (x2 < n && y2 < m && a[n - x2 - 1] == b[m - y2 - 1])
                {
                    x2++;
                    y2++;
                }

                v2[k2Offset] = x2;
                if (x2 > n)
                {
                    k2End += 2;
                }
                else if (y2 > m)
                {
                    k2Start += 2;
                }
                else if (!front)
                {
                    var k1Offset = vOffset + delta - k2;
                    if (k1Offset >= 0 && k1Offset < vLength && v1[k1Offset] != -1)
                    {
                        var x1 = v1[k1Offset];
                        var y1 = vOffset + x1 - k1Offset;
                        if (x1 >= n - x2)
                        {
                            Split(a, b, x1, y1, deadline, cancellation, output);
                            return;
                        }
                    }
                }
            }
        }

        // Out of time or no overlap (cannot happen within maxD): replace wholesale.
        output.Add(new(DiffOperation.Delete, a));
        output.Add(new(DiffOperation.Insert, b));
    }

    private static void Split(string a, string b, int x, int y, long deadline, CancellationToken cancellation, List<DiffSegment> output)
    {
        Diff(a[..x], b[..y], deadline, cancellation, output);
        Diff(a[x..], b[y..], deadline, cancellation, output);
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    private static int CommonSuffix(string a, string b)
    {
        int i = a.Length, j = b.Length, k = 0;
        while (i > 0 && j > 0 && a[i - 1] == b[j - 1])
        {
            i--;
            j--;
            k++;
        }

        return k;
    }

    /// <summary>Joins neighbours of the same kind and orders each change as delete-then-insert.</summary>
    private static List<DiffSegment> Merge(List<DiffSegment> segments)
    {
        var result = new List<DiffSegment>();
        var del = new System.Text.StringBuilder();
        var ins = new System.Text.StringBuilder();
        foreach (var s in segments)
        {
            switch (s.Operation)
            {
                case DiffOperation.Delete:
                    del.Append(s.Text);
                    break;
                case DiffOperation.Insert:
                    ins.Append(s.Text);
                    break;
                default:
                    Flush();
                    if (result.Count > 0 && result[^1].Operation == DiffOperation.Equal)
                    {
                        result[^1] = new(DiffOperation.Equal, result[^1].Text + s.Text);
                    }
                    else if (s.Text.Length > 0)
                    {
                        result.Add(s);
                    }

                    break;
            }
        }

        Flush();
        return result;

        void Flush()
        {
            if (del.Length > 0)
            {
                result.Add(new(DiffOperation.Delete, del.ToString()));
            }

            if (ins.Length > 0)
            {
                result.Add(new(DiffOperation.Insert, ins.ToString()));
            }

            del.Clear();
            ins.Clear();
        }
    }

    /// <summary>Absorbs a single-character equality between two changes into them (readability, not minimality).</summary>
    private static List<DiffSegment> Cleanup(List<DiffSegment> segments, CancellationToken cancellation)
    {
        var changed = true;
        while (changed)
        {
            cancellation.ThrowIfCancellationRequested();
            changed = false;
            for (var i = 1; i < segments.Count - 1; i++)
            {
                var s = segments[i];
                if (s.Operation == DiffOperation.Equal && s.Text.Length == 1
                    && segments[i - 1].Operation != DiffOperation.Equal && segments[i + 1].Operation != DiffOperation.Equal)
                {
                    var expanded = new List<DiffSegment>(segments.Count + 1);
                    expanded.AddRange(segments.Take(i));
                    expanded.Add(new(DiffOperation.Delete, s.Text));
                    expanded.Add(new(DiffOperation.Insert, s.Text));
                    expanded.AddRange(segments.Skip(i + 1));
                    segments = Merge(expanded);
                    changed = true;
                    break;
                }
            }
        }

        return segments;
    }

    /// <summary>Groups changes whose unchanged gap is under 2×<paramref name="context"/> characters, with that much context around.</summary>
    public static List<DiffHunk> Hunks(IReadOnlyList<DiffSegment> segments, int context = 20)
    {
        var hunks = new List<DiffHunk>();
        int oldPos = 0, newPos = 0, oldLine = 1, newLine = 1;
        List<DiffSegment>? current = null;
        int hOldStart = 0, hNewStart = 0, hOldLine = 1, hNewLine = 1, hOldLen = 0, hNewLen = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            if (s.Operation == DiffOperation.Equal)
            {
                var isLast = i == segments.Count - 1;
                if (current is not null && (isLast || s.Text.Length > 2 * context))
                {
                    var tail = s.Text[..Math.Min(context, s.Text.Length)];
                    current.Add(new(DiffOperation.Equal, tail));
                    hOldLen += tail.Length;
                    hNewLen += tail.Length;
                    Close();
                }
                else if (current is not null)
                {
                    current.Add(s);
                    hOldLen += s.Text.Length;
                    hNewLen += s.Text.Length;
                }

                Advance(s.Text, ref oldPos, ref oldLine);
                newPos += s.Text.Length;
                newLine += Count(s.Text);
                continue;
            }

            if (current is null)
            {
                current = [];
                var lead = i > 0 && segments[i - 1].Operation == DiffOperation.Equal ? segments[i - 1].Text : "";
                lead = lead[Math.Max(0, lead.Length - context)..];
                hOldStart = oldPos - lead.Length;
                hNewStart = newPos - lead.Length;
                hOldLine = oldLine - Count(lead);
                hNewLine = newLine - Count(lead);
                hOldLen = hNewLen = lead.Length;
                if (lead.Length > 0)
                {
                    current.Add(new(DiffOperation.Equal, lead));
                }
            }

            current.Add(s);
            if (s.Operation == DiffOperation.Delete)
            {
                hOldLen += s.Text.Length;
                Advance(s.Text, ref oldPos, ref oldLine);
            }
            else
            {
                hNewLen += s.Text.Length;
                newPos += s.Text.Length;
                newLine += Count(s.Text);
            }
        }

        if (current is not null)
        {
            Close();
        }

        return hunks;

        void Close()
        {
            hunks.Add(new DiffHunk
            {
                OldStart = hOldStart,
                OldLength = hOldLen,
                NewStart = hNewStart,
                NewLength = hNewLen,
                OldLine = hOldLine,
                NewLine = hNewLine,
                Segments = current!,
            });
            current = null;
        }
    }

    private static void Advance(string text, ref int pos, ref int line)
    {
        pos += text.Length;
        line += Count(text);
    }

    private static int Count(string text) => text.AsSpan().Count('\n');
}
