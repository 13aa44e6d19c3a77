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
