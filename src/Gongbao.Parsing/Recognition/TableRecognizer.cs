using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Recognition;

/// <summary>
/// Tab-separated table rows: splits cells, removes repeated header rows (page breaks) and carries empty
/// leading cells forward from the row above (merged cells).
/// </summary>
public static class TableRecognizer
{
    public static bool IsRow(string line)
    {
        var tab = line.IndexOf('\t');
        if (tab < 0)
        {
            return false;
        }

        var cells = 0;
        foreach (var c in line.Split('\t'))
        {
            if (c.Trim().Length > 0)
            {
                cells++;
            }
        }

        return cells >= 2 || cells == 1 && line.TrimStart('\t').Length < line.Length;
    }

    public static string[] SplitCells(string line) =>
        line.Split('\t').Select(c => CleanCell(c)).ToArray();

    private static string CleanCell(string cell) => cell.Trim(' ', '\u3000', '\u00a0');

    /// <summary>Builds the rows of one table: header first, repeated headers dropped, leading empty cells filled.</summary>
    public static List<(string[] Printed, string[] Cells, int Index)> Build(IReadOnlyList<(string Line, int Index)> rows)
    {
        var result = new List<(string[] Printed, string[] Cells, int Index)>();
        string[]? header = null;
        string[]? previous = null;
        foreach (var (line, index) in rows)
        {
            var printed = SplitCells(line);
            while (printed.Length > 1 && printed[^1].Length == 0)
            {
                printed = printed[..^1];
            }

            if (header is null)
            {
                header = printed;
                result.Add((printed, printed, index));
                continue;
            }

            if (SameRow(printed, header))
            {
                continue;
            }

            var cells = (string[])printed.Clone();
            if (previous is not null && previous != header && !StartsNewGroup(cells, previous))
            {
                for (var c = 0; c < cells.Length - 1 && c < previous.Length && cells[c].Length == 0; c++)
                {
                    cells[c] = previous[c];
                }
            }

            result.Add((printed, cells, index));
            previous = cells;
        }

        return result;
    }

    /// <summary>
    /// A row with empty leading cells whose first printed cell restarts a numbering (1. after 3.) opens a new
    /// group whose name cell was not printed (lost at a page break): carrying the previous group's name would
    /// file it under the wrong group, so the cells stay empty.
    /// </summary>
    private static bool StartsNewGroup(string[] cells, string[] previous)
    {
        var first = Array.FindIndex(cells, c => c.Length > 0);
        if (first <= 0 || first >= previous.Length)
        {
            return false;
        }

        return NumberingRecognizer.Recognize(cells[first])?.Number is { } n
            && NumberingRecognizer.Recognize(previous[first])?.Number is { } m
            && n <= m;
    }

    private static bool SameRow(string[] a, string[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (TextFold.Fold(a[i]) != TextFold.Fold(b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
