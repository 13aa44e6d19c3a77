using System.Globalization;

using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Gongbao.Rules.Engine;

/// <summary>
/// The data of one scheme as stored in <c>src/Gongbao.Rules/Data/{scheme}.yaml</c> (embedded): dated parameter
/// values, scales with brackets, the validity period, clauses, interpretations and worked cases, each with the
/// provision it comes from and the words printed there. Provision paths are relative to the document unless they
/// start with the document ID. Formulas stay in C# and read these through typed accessors.
/// </summary>
public sealed class SchemeFile
{
    public string Scheme { get; set; } = "";

    public string Document { get; set; } = "";

    public ValidityEntry? Validity { get; set; }

    public List<ParameterEntry> Parameters { get; set; } = [];

    public List<ScaleEntry> Scales { get; set; } = [];

    public List<ClauseEntry> Clauses { get; set; } = [];

    public List<InterpretationEntry> Interpretations { get; set; } = [];

    public List<CaseEntry> Cases { get; set; } = [];

    /// <summary>How each output is shown to people: a Chinese label, its unit and labels for coded values.</summary>
    public List<OutputEntry> Outputs { get; set; } = [];

    /// <summary>The measures of the scheme as a profile is matched against them (Gongbao.Rules.Matching).</summary>
    public List<MeasureEntry> Measures { get; set; } = [];
}

/// <summary>
/// A measure a profile can be matched against: conditions on profile facts, each cited, and how to compute the
/// maximum amount from the profile (scheme inputs mapped from facts) or, lacking facts, the cap parameter.
/// </summary>
public sealed class MeasureEntry
{
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    public List<ConditionEntry> Conditions { get; set; } = [];

    /// <summary>Scheme input → profile fact name, or a JSON literal after '=' (=true, =3, ="enterprise-or-other").</summary>
    public Dictionary<string, string> Inputs { get; set; } = [];

    /// <summary>The scheme output holding the amount.</summary>
    public string? Output { get; set; }

    /// <summary>Unit of the output and cap (元 or 万元).</summary>
    public string Unit { get; set; } = "元";

    /// <summary>Parameter giving the most the measure pays when the profile lacks the facts to compute it.</summary>
    public string? Cap { get; set; }
}

/// <summary>
/// One condition: the fact (or the sum of several) must be one of <see cref="In"/>, include one of <see cref="Any"/>,
/// equal <see cref="Is"/>, or meet <see cref="Parameter"/> (threshold and comparison word from its printed words)
/// or <see cref="Min"/>. Cited by a clause or parameter name, or by provision and quote.
/// </summary>
public sealed class ConditionEntry
{
    public string Text { get; set; } = "";

    public string? Fact { get; set; }

    public List<string> Sum { get; set; } = [];

    public List<string> In { get; set; } = [];

    public List<string> Any { get; set; } = [];

    public List<string> None { get; set; } = [];

    public bool? Is { get; set; }

    public decimal? Min { get; set; }

    public string? Parameter { get; set; }

    public string? Clause { get; set; }

    public string? Provision { get; set; }

    public string? Quote { get; set; }
}

/// <summary>When the scheme is in force: from/until (inclusive), cited; either end may be open.</summary>
public sealed class ValidityEntry
{
    public string? From { get; set; }

    public string? Until { get; set; }

    public string Provision { get; set; } = "";

    public string Quote { get; set; } = "";
}

public sealed class ParameterEntry
{
    public string Name { get; set; } = "";

    public string Label { get; set; } = "";

    public string Unit { get; set; } = "";

    public List<ValueEntry> Values { get; set; } = [];
}

public sealed class ValueEntry
{
    /// <summary>yyyy-MM-dd from which the value applies; absent: the value has no start date (it applies whenever the scheme does).</summary>
    public string? From { get; set; }

    public decimal Value { get; set; }

    public string Provision { get; set; } = "";

    public string Quote { get; set; } = "";
}

/// <summary>A tiered schedule (OpenFisca scale): the bracket whose threshold the base meets decides base amount and rate.</summary>
public sealed class ScaleEntry
{
    public string Name { get; set; } = "";

    public string Label { get; set; } = "";

    /// <summary>Unit of the thresholds as printed (亿元).</summary>
    public string ThresholdUnit { get; set; } = "";

    /// <summary>Unit of the fixed amounts (万元).</summary>
    public string AmountUnit { get; set; } = "";

    public string? From { get; set; }

    public List<BracketEntry> Brackets { get; set; } = [];
}

public sealed class BracketEntry
{
    public decimal Threshold { get; set; }

    /// <summary>The printed words of the threshold; the comparison (以上, (含)…) is read from them.</summary>
    public string ThresholdQuote { get; set; } = "";

    public decimal Amount { get; set; }

    /// <summary>Rate in % applied to the base.</summary>
    public decimal Rate { get; set; }

    public string Provision { get; set; } = "";

    /// <summary>The printed formula of the bracket (“500 万元+实收资本×1%”).</summary>
    public string Quote { get; set; } = "";
}

/// <summary>The label of an output (能效等级), its unit (元, 万元, 分…; money is formatted by it) and labels of coded values.</summary>
public sealed class OutputEntry
{
    public string Name { get; set; } = "";

    public string Label { get; set; } = "";

    public string? Unit { get; set; }

    public Dictionary<string, string> Values { get; set; } = [];
}

public sealed class ClauseEntry
{
    public string Name { get; set; } = "";

    public string Label { get; set; } = "";

    public string Provision { get; set; } = "";

    public string Quote { get; set; } = "";
}

public sealed class InterpretationEntry
{
    public string Choice { get; set; } = "";

    public string Provision { get; set; } = "";

    public string Quote { get; set; } = "";
}

/// <summary>A worked case: inputs (JSON text), the evaluation date, expected outputs and the article it checks.</summary>
public sealed class CaseEntry
{
    public string Name { get; set; } = "";

    public string AsOf { get; set; } = "";

    public string Input { get; set; } = "{}";

    public Dictionary<string, string> Expect { get; set; } = [];

    public string Checks { get; set; } = "";
}

/// <summary>Reads scheme data files; malformed data fails loudly at load, naming the file.</summary>
public static class SchemeDataLoader
{
    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    public static SchemeFile Parse(string yaml, string origin)
    {
        try
        {
            return Reader.Deserialize<SchemeFile>(yaml) ?? throw new InvalidDataException($"{origin}: empty scheme data");
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{origin}: {ex.Message}", ex);
        }
    }

    /// <summary>The embedded data file of a scheme.</summary>
    public static SchemeFile LoadEmbedded(string schemeId)
    {
        var name = $"Gongbao.Rules.Data.{schemeId}.yaml";
        using var stream = typeof(SchemeDataLoader).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"no embedded scheme data {name}");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), name);
    }

    public static DateOnly? Date(string? text, string what) => text is null
        ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new InvalidDataException($"{what}: expected yyyy-MM-dd, got '{text}'");
}
