using System.Globalization;
using System.Text.Json.Nodes;

using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Matching;

public enum MatchStatus
{
    /// <summary>Every condition holds on the facts given.</summary>
    Applies,

    /// <summary>No condition fails, but some need facts the profile does not give (listed).</summary>
    MayApply,

    /// <summary>A condition fails (cited).</summary>
    DoesNotApply,
}

/// <summary>One condition as checked on a profile: holds, fails or unknown (null) for lack of facts.</summary>
public sealed record ConditionCheck(string Text, bool? Holds, IReadOnlyList<string> Facts, Citation Source);

/// <summary>A measure matched against a profile, with the reasons and the most it pays when that can be computed.</summary>
public sealed record MeasureMatch(
    string SchemeId,
    string MeasureId,
    string Title,
    string DocumentNumber,
    MatchStatus Status,
    IReadOnlyList<ConditionCheck> Conditions,
    IReadOnlyList<string> MissingFacts,
    decimal? MaxAmount,
    string Unit,
    bool AmountIsCap)
{
    /// <summary>The amount in 元 for ranking across measures printed in 元 and 万元.</summary>
    public decimal AmountInYuan => MaxAmount is not { } a ? 0 : Unit == "万元" ? a * 10000 : a;
}

/// <summary>
/// Matches profiles against every measure of every scheme: "which measures apply to my company, and how much at
/// most?". Conditions are compiled once from the data files; a result lists for each measure whether it applies,
/// may apply (the missing facts) or does not apply (the failing condition with its provision), ranked by status
/// then amount.
/// </summary>
public sealed class MeasureMatcher
{
    private readonly IReadOnlyList<CompiledMeasure> _measures;

    public MeasureMatcher(IEnumerable<Scheme> schemes)
    {
        _measures = [.. schemes.SelectMany(s => s.MeasureDefinitions.Select(m => new CompiledMeasure(s, m)))];
    }

    public static MeasureMatcher Default { get; } = new(SchemeRegistry.All);

    public int MeasureCount => _measures.Count;

    /// <summary>All measures for <paramref name="profile"/> on <paramref name="asOf"/>, ranked.</summary>
    public IReadOnlyList<MeasureMatch> Match(Profile profile, DateOnly asOf, bool computeAmounts = true)
    {
        var results = new List<MeasureMatch>(_measures.Count);
        foreach (var m in _measures)
        {
            results.Add(m.Match(profile, asOf, computeAmounts));
        }

        results.Sort((a, b) => a.Status != b.Status ? a.Status.CompareTo(b.Status) : b.AmountInYuan.CompareTo(a.AmountInYuan));
        return results;
    }

    /// <summary>Status counts only, for batch runs: no trace, no allocation of reasons.</summary>
    public (int Applies, int MayApply) Count(Profile profile, DateOnly asOf)
    {
        int applies = 0, may = 0;
        foreach (var m in _measures)
        {
            switch (m.StatusOnly(profile, asOf))
            {
                case MatchStatus.Applies:
                    applies++;
                    break;
                case MatchStatus.MayApply:
                    may++;
                    break;
            }
        }

        return (applies, may);
    }

    private sealed class CompiledMeasure
    {
        private readonly Scheme _scheme;
        private readonly MeasureEntry _entry;
        private readonly (ConditionEntry Entry, Citation Source, string[] Facts)[] _conditions;

        public CompiledMeasure(Scheme scheme, MeasureEntry entry)
        {
            _scheme = scheme;
            _entry = entry;
            _conditions = [.. entry.Conditions.Select(c => (c, Cite(scheme, c), Facts(c)))];
            foreach (var (c, _, facts) in _conditions)
            {
                var unknown = facts.FirstOrDefault(f => !Profile.KnownFacts.Contains(f));
                if (unknown is not null || facts.Length == 0)
                {
                    throw new InvalidDataException($"{scheme.Id} measure {entry.Id}: condition '{c.Text}' uses unknown fact '{unknown}'");
                }
            }

            var badInput = entry.Inputs.Keys.FirstOrDefault(k => scheme.Inputs.Fields.All(f => f.Name != k));
            if (badInput is not null)
            {
                throw new InvalidDataException($"{scheme.Id} measure {entry.Id}: maps unknown scheme input '{badInput}'");
            }
        }

        public MatchStatus StatusOnly(Profile profile, DateOnly asOf)
        {
            if (_scheme.Validity is { } v && !v.Covers(asOf))
            {
                return MatchStatus.DoesNotApply;
            }

            var status = MatchStatus.Applies;
            foreach (var (c, _, _) in _conditions)
            {
                var holds = Check(c, profile, asOf);
                if (holds == false)
                {
                    return MatchStatus.DoesNotApply;
                }

                if (holds is null)
                {
                    status = MatchStatus.MayApply;
                }
            }

            return status;
        }

        public MeasureMatch Match(Profile profile, DateOnly asOf, bool computeAmounts)
        {
            var checks = new List<ConditionCheck>(_conditions.Length + 1);
            if (_scheme.Validity is { } v)
            {
                checks.Add(new ConditionCheck(
                    $"有效期 {Date(v.From)} 至 {Date(v.Until)}", v.Covers(asOf), [], v.Source));
            }

            foreach (var (c, source, facts) in _conditions)
            {
                checks.Add(new ConditionCheck(c.Text, Check(c, profile, asOf), facts, source));
            }

            var status = checks.Any(c => c.Holds == false) ? MatchStatus.DoesNotApply
                : checks.Any(c => c.Holds is null) ? MatchStatus.MayApply
                : MatchStatus.Applies;
            var missing = checks.Where(c => c.Holds is null).SelectMany(c => c.Facts).Distinct().ToList();
            decimal? amount = null;
            var isCap = false;
            if (status != MatchStatus.DoesNotApply && computeAmounts)
            {
                amount = Compute(profile, asOf, missing);
                if (amount is null && _entry.Cap is { } cap)
                {
                    amount = SafeParameter(cap, asOf);
                    isCap = amount is not null;
                }
            }

            return new MeasureMatch(_scheme.Id, _entry.Id, _entry.Title, _scheme.DocumentNumber, status, checks, missing, amount, _entry.Unit, isCap);
        }

        private decimal? Compute(Profile profile, DateOnly asOf, List<string> missing)
        {
            if (_entry.Output is null)
            {
                return null;
            }

            var input = new JsonObject();
            foreach (var (field, source) in _entry.Inputs)
            {
                if (source.StartsWith('='))
                {
                    input[field] = JsonNode.Parse(source[1..]);
                }
                else if (source.StartsWith("tag:", StringComparison.Ordinal))
                {
                    // A flag input read from the profile's tags (tag:小巨人 → a2Giant); absent tags mean the flag is not claimed.
                    input[field] = profile.TryGet("tags", out var tags) && tags is IReadOnlyList<string> t && t.Contains(source[4..]);
                }
                else if (profile.TryGet(source, out var value))
                {
                    input[field] = value switch
                    {
                        decimal d => JsonValue.Create(d),
                        bool b => JsonValue.Create(b),
                        IReadOnlyList<string> list => new JsonArray([.. list.Select(x => (JsonNode)JsonValue.Create(x))]),
                        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
                    };
                }
                else if (!missing.Contains(source))
                {
                    missing.Add(source);
                }
            }

            if (missing.Count > 0)
            {
                return null;
            }

            try
            {
                return _scheme.Evaluate(input, asOf).Output(_entry.Output) as decimal?;
            }
            catch (InputValidationException)
            {
                // The profile's facts do not make a valid case (a plan out of range): no amount rather than a guess.
                return null;
            }
        }

        private decimal? SafeParameter(string name, DateOnly asOf)
        {
            try
            {
                return _scheme.Parameter(name).At(asOf).Value;
            }
            catch (NotInForceException)
            {
                return null;
            }
        }

        private bool? Check(ConditionEntry c, Profile profile, DateOnly asOf)
        {
            object? value;
            if (c.Sum.Count > 0)
            {
                decimal total = 0;
                var any = false;
                foreach (var f in c.Sum)
                {
                    if (profile.TryGet(f, out var v) && v is decimal d)
                    {
                        total += d;
                        any = true;
                    }
                }

                if (!any)
                {
                    return null;
                }

                value = total;
            }
            else if (!profile.TryGet(c.Fact!, out var v))
            {
                return null;
            }
            else
            {
                value = v;
            }

            if (c.In.Count > 0 && !(value is string s && c.In.Contains(s)))
            {
                return false;
            }

            if (c.Any.Count > 0 && !(value is IReadOnlyList<string> list ? list.Any(c.Any.Contains) : value is string one && c.Any.Contains(one)))
            {
                return false;
            }

            if (c.None.Count > 0 && (value is IReadOnlyList<string> nl ? nl.Any(c.None.Contains) : value is string none && c.None.Contains(none)))
            {
                return false;
            }

            if (c.Is is { } flag && !(value is bool b && b == flag))
            {
                return false;
            }

            if (c.Min is { } min && !(value is decimal dm && dm >= min))
            {
                return false;
            }

            if (c.Parameter is { } p)
            {
                DatedValue threshold;
                try
                {
                    threshold = _scheme.Parameter(p).At(asOf);
                }
                catch (NotInForceException)
                {
                    return false;
                }

                return value is decimal dv && LegalComparison.Holds(dv, threshold.Source.Quote, threshold.Value);
            }

            return true;
        }

        private static string[] Facts(ConditionEntry c) => c.Sum.Count > 0 ? [.. c.Sum] : c.Fact is null ? [] : [c.Fact];

        private static Citation Cite(Scheme scheme, ConditionEntry c) =>
            c.Clause is { } clause ? scheme.Clause(clause).Source
            : c.Parameter is { } p ? scheme.Parameter(p).Values[^1].Source
            : c.Provision is { } provision && c.Quote is { } quote ? new Citation(scheme.Provision(provision), quote)
            : throw new InvalidDataException($"{scheme.Id}: condition '{c.Text}' cites nothing (clause, parameter or provision + quote)");

        private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
    }
}
