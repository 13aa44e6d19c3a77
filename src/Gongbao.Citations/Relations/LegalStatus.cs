using Gongbao.Domain;

namespace Gongbao.Citations.Relations;

/// <summary>A document's state as of a date. See docs/relations.md for the rules.</summary>
public enum LegalState
{
    /// <summary>尚未施行: the effective date is after the date asked about.</summary>
    NotYetInForce,

    /// <summary>现行有效.</summary>
    InForce,

    /// <summary>已失效: the printed validity period ended.</summary>
    Expired,

    /// <summary>已废止: a stored document repealed it, in force by the date asked about.</summary>
    Repealed,

    /// <summary>部分修改: in force, and a stored document amended it.</summary>
    PartlyAmended,

    /// <summary>The store does not know: no date is printed, or the target is external and nothing stored repeals it.</summary>
    Undetermined,
}

/// <summary>The state, its badge text, the reason in words, and the relation that decided it (if one did).</summary>
public sealed record LegalStatus(string Target, DateOnly AsOf, LegalState State, string Reason)
{
    public string Badge => State switch
    {
        LegalState.NotYetInForce => "尚未施行",
        LegalState.InForce => "现行有效",
        LegalState.Expired => "已失效",
        LegalState.Repealed => "已废止",
        LegalState.PartlyAmended => "部分修改",
        _ => "状态不明",
    };

    /// <summary>The repealing or amending relation: names the stored document and provision that state it.</summary>
    public Relation? DecidedBy { get; init; }

    public DateOnly? EffectiveFrom { get; init; }

    public DateOnly? EffectiveUntil { get; init; }
}

/// <summary>
/// Status of a stored document, or of an external target known only through relations, as of a given date.
/// The date is always the caller's: nothing here reads the clock.
/// </summary>
public sealed class LegalStatusEvaluator(RelationGraph graph)
{
    /// <summary>Status of a stored document by ID, or of an external target by its key (京财党政群〔2020〕343号).</summary>
    public LegalStatus Evaluate(string documentIdOrKey, DateOnly asOf)
    {
        var witness = graph.Document(documentIdOrKey);
        var incoming = graph.Incoming(documentIdOrKey);
        var repeal = incoming.Where(r => r.Kind is RelationKind.Repeals or RelationKind.Replaces && r.SourceEffectiveFrom is { } d && d <= asOf)
            .OrderBy(r => r.SourceEffectiveFrom).FirstOrDefault();
        if (repeal is not null)
        {
            var by = graph.Document(repeal.SourceDocumentId)?.Document;
            return new LegalStatus(documentIdOrKey, asOf, LegalState.Repealed,
                $"{(repeal.Kind == RelationKind.Repeals ? "废止" : "代替")}：{by?.Number?.Canonical ?? repeal.SourceDocumentId} {Where(repeal)}，自{repeal.SourceEffectiveFrom:yyyy-MM-dd}起")
            {
                DecidedBy = repeal,
            };
        }

        if (witness is null)
        {
            var pending = incoming.FirstOrDefault(r => r.Kind is RelationKind.Repeals or RelationKind.Replaces);
            return new LegalStatus(documentIdOrKey, asOf, LegalState.Undetermined, pending is null
                ? "不在库中，库中文件未废止它"
                : $"不在库中；{pending.SourceDocumentId} {Where(pending)} 废止它，但自{pending.SourceEffectiveFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "（日期不明）"}起");
        }

        var doc = witness.Document;
        // A notice that issues one instrument takes effect as the instrument says (本办法自…起施行).
        var sole = doc.Instruments.Count == 1 ? doc.Instruments[0] : null;
        var from = doc.EffectiveFrom ?? sole?.EffectiveFrom ?? doc.SignedOn;
        var until = doc.EffectiveUntil ?? sole?.EffectiveUntil;
        var status = (from, until) switch
        {
            (null, _) => new LegalStatus(doc.Id, asOf, LegalState.Undetermined, "未载明施行日期或成文日期"),
            ({ } f, _) when asOf < f => new LegalStatus(doc.Id, asOf, LegalState.NotYetInForce, $"自{f:yyyy-MM-dd}起施行"),
            (_, { } u) when asOf > u => new LegalStatus(doc.Id, asOf, LegalState.Expired, $"有效期至{u:yyyy-MM-dd}"),
            _ => new LegalStatus(doc.Id, asOf, LegalState.InForce, until is { } u2 ? $"自{from:yyyy-MM-dd}起施行，有效期至{u2:yyyy-MM-dd}" : $"自{from:yyyy-MM-dd}起施行"),
        };
        status = status with { EffectiveFrom = from, EffectiveUntil = until };
        if (status.State == LegalState.InForce && incoming.FirstOrDefault(r => r.Kind == RelationKind.Amends && r.SourceEffectiveFrom is { } d && d <= asOf) is { } amend)
        {
            return status with
            {
                State = LegalState.PartlyAmended,
                Reason = $"{status.Reason}；{amend.SourceDocumentId} {Where(amend)} 修改",
                DecidedBy = amend,
            };
        }

        return status;
    }

    /// <summary>IDs of the stored documents in <paramref name="state"/> on <paramref name="asOf"/> (the search filter status=).</summary>
    public HashSet<string> DocumentsIn(LegalState state, DateOnly asOf) =>
        graph.DocumentIds.Where(id => Evaluate(id, asOf).State == state).ToHashSet(StringComparer.Ordinal);

    private static string Where(Relation r) => r.SourceArticle is { } a ? $"第{ChineseNumeral.Format(a)}条 ({r.SourceProvisionId})" : $"({r.SourceProvisionId})";
}

/// <summary>Status names as people type them: the badge (现行有效) or the state in English (InForce, in-force).</summary>
public static class LegalStates
{
    public static string Badge(LegalState state) => new LegalStatus("", default, state, "").Badge;

    public static bool TryParse(string? text, out LegalState state)
    {
        state = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim();
        foreach (var s in Enum.GetValues<LegalState>())
        {
            if (t == Badge(s) || string.Equals(t.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal), s.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                state = s;
                return true;
            }
        }

        return false;
    }

    /// <summary>Every accepted name, for error messages.</summary>
    public static string Names => string.Join("、", Enum.GetValues<LegalState>().Select(s => $"{Badge(s)}（{s}）"));

    /// <summary>Today in Beijing (UTC+8): the default date of a status, since gazette dates are Beijing dates.</summary>
    public static DateOnly TodayInBeijing(TimeProvider? clock = null) =>
        DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
}
