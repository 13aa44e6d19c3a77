using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Recognition;

/// <summary>
/// Where the parts of an issue sit (indices into the normalised lines): masthead, 目录, English masthead,
/// CONTENTS, the bilingual note, the body. ContentsIndex is -1 when there is no contents.
/// </summary>
public sealed record IssueLayout(
    bool HasMasthead,
    int MastheadEnd,
    int ContentsIndex,
    int EnglishMastheadStart,
    int EnglishContentsStart,
    int EnglishContentsEnd,
    int BodyStart)
{
    private const int MastheadWindow = 60;

    public static IssueLayout Find(IReadOnlyList<SourceLine> lines)
    {
        var hasMasthead = false;
        var mastheadEnd = 0;
        var contents = -1;
        for (var i = 0; i < Math.Min(lines.Count, MastheadWindow); i++)
        {
            var t = lines[i].Text;
            if (MastheadRecognizer.IsGazetteTitle(CjkText.RemoveSpacesAroundCjk(t)))
            {
                hasMasthead = true;
            }

            if (t.Contains("主办", StringComparison.Ordinal) && t.Length < 80)
            {
                mastheadEnd = i + 1;
            }

            if (TextFold.Fold(t) == "目录" && hasMasthead)
            {
                contents = i;
                break;
            }
        }

        if (contents < 0)
        {
            return new IssueLayout(hasMasthead, hasMasthead ? Math.Max(mastheadEnd, 1) : 0, -1, -1, -1, -1, 0);
        }

        // The English masthead starts at the first line without Chinese characters after the Chinese contents.
        var enMasthead = lines.Count;
        for (var i = contents + 1; i < lines.Count; i++)
        {
            if (!HasCjk(lines[i].Text) && CountLetters(lines[i].Text) >= 3)
            {
                enMasthead = i;
                break;
            }
        }

        var enContents = enMasthead;
        for (var i = enMasthead; i < lines.Count && i < enMasthead + 20; i++)
        {
            if (lines[i].Text.Trim().Equals("CONTENTS", StringComparison.OrdinalIgnoreCase))
            {
                enContents = i;
                break;
            }
        }

        var enEnd = lines.Count;
        var bodyStart = lines.Count;
        for (var i = enContents + 1; i < lines.Count; i++)
        {
            var t = lines[i].Text;
            if (t.Contains("Table of Contents", StringComparison.OrdinalIgnoreCase))
            {
                enEnd = i;
                bodyStart = i + 1;
                for (var j = i; j < lines.Count && j < i + 3; j++)
                {
                    if (lines[j].Text.TrimEnd().EndsWith(')') || lines[j].Text.TrimEnd().EndsWith('）'))
                    {
                        bodyStart = j + 1;
                        break;
                    }
                }

                break;
            }

            if (HasCjk(t))
            {
                enEnd = i;
                bodyStart = i;
                break;
            }
        }

        return new IssueLayout(true, contents, contents, enMasthead, enContents, enEnd, bodyStart);
    }

    private static bool HasCjk(string t)
    {
        foreach (var c in t)
        {
            if (CjkText.IsCjk(c))
            {
                return true;
            }
        }

        return false;
    }

    private static int CountLetters(string t) => t.Count(char.IsAsciiLetter);
}
