using System.Text.RegularExpressions;

using Gongbao.Domain;

namespace Gongbao.Parsing.Documents;

/// <summary>Document kind from the last word of the title (通知, 办法, 实施意见…), ignoring trailing (试行)/(2024—2026年).</summary>
public static partial class DocumentKindClassifier
{
    private static readonly (string Suffix, DocumentKind Kind)[] Suffixes =
    [
        ("通知", DocumentKind.Notice),
        ("决定", DocumentKind.Decision),
        ("意见", DocumentKind.Opinion),
        ("实施细则", DocumentKind.Rules),
        ("细则", DocumentKind.Rules),
        ("规则", DocumentKind.Rules),
        ("办法", DocumentKind.Measures),
        ("规定", DocumentKind.Provisions),
        ("方案", DocumentKind.Plan),
        ("计划", DocumentKind.Plan),
        ("规划", DocumentKind.Plan),
        ("纲要", DocumentKind.Plan),
        ("措施", DocumentKind.SupportMeasures),
        ("通告", DocumentKind.Announcement),
        ("公告", DocumentKind.Announcement),
        ("批复", DocumentKind.Reply),
        ("令", DocumentKind.Order),
        ("标准", DocumentKind.Standard),
        ("指南", DocumentKind.Standard),
        ("清单", DocumentKind.Standard),
        ("目录", DocumentKind.Standard),
    ];

    [GeneratedRegex(@"(?:\s*[(（][^()（）]*[)）])+\s*$")]
    private static partial Regex TrailingParentheses();

    public static DocumentKind Classify(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return DocumentKind.Other;
        }

        var t = TrailingParentheses().Replace(title.Trim(), "").TrimEnd('》', '”', '"', ' ');
        foreach (var (suffix, kind) in Suffixes)
        {
            if (t.EndsWith(suffix, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return DocumentKind.Other;
    }

    /// <summary>True for a title that issues or forwards an instrument (印发/转发/发布《…》).</summary>
    public static bool IsIssuing(string? title) =>
        title is not null && IssuingPattern().IsMatch(title);

    [GeneratedRegex(@"(?:印发|转发|发布|颁布|公布|下达)")]
    private static partial Regex IssuingPattern();
}
