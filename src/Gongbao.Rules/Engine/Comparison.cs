namespace Gongbao.Rules.Engine;

public enum ComparisonKind
{
    /// <summary>≥: 以上, 及以上, 不少于, 不低于, 达到, (含)</summary>
    AtLeast,

    /// <summary>≤: 以下, 以内, 不超过, 不高于</summary>
    AtMost,

    /// <summary>&gt;: 超过, 大于, 高于</summary>
    Above,

    /// <summary>&lt;: 不足, 低于, 少于, 未满</summary>
    Below,
}

/// <summary>
/// Reads the comparison a printed threshold means. PRC Civil Code art. 1259: 以上, 以下, 以内, 届满 include
/// the number; 不满, 超过, 以外 exclude it. Negated forms are checked first (不超过 is ≤, not &gt;).
/// </summary>
public static class LegalComparison
{
    private static readonly (string Word, ComparisonKind Kind)[] Words =
    [
        // "大于或等于 85%" is ≥: the compound forms are listed before 大于/小于 so they win at the same position.
        ("大于或等于", ComparisonKind.AtLeast),
        ("大于等于", ComparisonKind.AtLeast),
        ("小于或等于", ComparisonKind.AtMost),
        ("小于等于", ComparisonKind.AtMost),
        ("不得超过", ComparisonKind.AtMost),
        ("不得少于", ComparisonKind.AtLeast),
        ("不超过", ComparisonKind.AtMost),
        ("不高于", ComparisonKind.AtMost),
        ("不大于", ComparisonKind.AtMost),
        ("不多于", ComparisonKind.AtMost),
        ("不少于", ComparisonKind.AtLeast),
        ("不低于", ComparisonKind.AtLeast),
        ("不小于", ComparisonKind.AtLeast),
        ("不足", ComparisonKind.Below),
        ("不满", ComparisonKind.Below),
        ("未满", ComparisonKind.Below),
        ("以上", ComparisonKind.AtLeast),
        ("以下", ComparisonKind.AtMost),
        ("以内", ComparisonKind.AtMost),
        ("超过", ComparisonKind.Above),
        ("大于", ComparisonKind.Above),
        ("高于", ComparisonKind.Above),
        ("多于", ComparisonKind.Above),
        ("低于", ComparisonKind.Below),
        ("少于", ComparisonKind.Below),
        ("小于", ComparisonKind.Below),
        ("(含)", ComparisonKind.AtLeast),
        ("达到", ComparisonKind.AtLeast),
        ("达", ComparisonKind.AtLeast),
        ("满", ComparisonKind.AtLeast),
    ];

    /// <summary>The comparison a printed phrase states, e.g. "800 分及以上" → ≥, "超过 10 万元" → &gt;.</summary>
    public static ComparisonKind Parse(string printed)
    {
        var text = TextNormalizer.Fold(printed);
        var best = -1;
        ComparisonKind kind = default;
        foreach (var (word, k) in Words)
        {
            var at = text.IndexOf(word, StringComparison.Ordinal);

            // The first comparison word in the phrase decides ("超过约束值但不超过…" is split by callers).
            if (at >= 0 && (best < 0 || at < best))
            {
                best = at;
                kind = k;
            }
        }

        return best >= 0
            ? kind
            : throw new ArgumentException($"no comparison word (以上/以下/超过/不足…) in \"{printed}\"", nameof(printed));
    }

    public static bool Holds(decimal value, ComparisonKind kind, decimal threshold) => kind switch
    {
        ComparisonKind.AtLeast => value >= threshold,
        ComparisonKind.AtMost => value <= threshold,
        ComparisonKind.Above => value > threshold,
        ComparisonKind.Below => value < threshold,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool Holds(decimal value, string printed, decimal threshold) => Holds(value, Parse(printed), threshold);

    public static string Symbol(ComparisonKind kind) => kind switch
    {
        ComparisonKind.AtLeast => "≥",
        ComparisonKind.AtMost => "≤",
        ComparisonKind.Above => ">",
        _ => "<",
    };
}

/// <summary>Width and spacing folding used when comparing quotes with printed text.</summary>
public static class TextNormalizer
{
    /// <summary>Full-width ASCII → half-width, ideographic space and all whitespace removed, 〔〕 kept.</summary>
    public static string Fold(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            sb.Append(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c);
        }

        return sb.ToString();
    }
}
