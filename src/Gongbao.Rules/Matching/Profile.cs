using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Matching;

/// <summary>
/// What a user says about an organisation (or person): facts by name — entityType, legalPerson, ownership, area,
/// industries, tags, sizeClass, foundedOn, employees, revenue… — and what it plans under <c>plans.*</c> (hires,
/// R&amp;D spend, insurance premiums…). A fact is text, a number, a flag or a list of texts; an absent fact is unknown,
/// never false, so a measure that needs it "may apply".
/// </summary>
public sealed class Profile
{
    private readonly Dictionary<string, object> _facts;

    public Profile(IReadOnlyDictionary<string, object> facts, string? name = null)
    {
        _facts = new(facts, StringComparer.Ordinal);
        Name = name;
    }

    public string? Name { get; }

    public IReadOnlyDictionary<string, object> Facts => _facts;

    public bool TryGet(string fact, out object value) => _facts.TryGetValue(fact, out value!);

    /// <summary>Known fact names, for validation: a misspelt fact would otherwise silently stay unknown.</summary>
    public static readonly IReadOnlySet<string> KnownFacts = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "entityType", "legalPerson", "ownership", "area", "district", "industries", "licences", "tags",
        "sizeClass", "foundedOn", "employees", "revenue", "investment", "publicBuildingArea", "buildingArea",
        "plans.graduateHires", "plans.youthHires", "plans.insuranceMonths", "plans.rdSpend", "plans.insurancePremium",
        "plans.loanInterest", "plans.loanCategory", "plans.projectInvestment", "plans.children", "plans.standardProjects",
        "plans.exports", "plans.uhdMeasure",
    };

    /// <summary>Reads a profile from JSON (flat facts, plans nested under "plans"); unknown or ill-typed facts are errors naming them.</summary>
    public static Profile FromJson(string json)
    {
        var root = JsonNode.Parse(json, documentOptions: SchemeInput.Options) as JsonObject
            ?? throw new InputValidationException([new InputError("*", "a profile must be a JSON object", InputError.Invalid)]);
        var facts = new Dictionary<string, object>(StringComparer.Ordinal);
        var errors = new List<InputError>();
        void Read(string name, JsonNode? node)
        {
            if (node is null)
            {
                return;
            }

            if (!KnownFacts.Contains(name))
            {
                errors.Add(new InputError(name, "unknown fact (known: " + string.Join(", ", KnownFacts) + ")", InputError.UnknownField));
                return;
            }

            switch (node)
            {
                case JsonArray array:
                    facts[name] = (IReadOnlyList<string>)[.. array.Select(x => x?.GetValue<string>() ?? "")];
                    break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    facts[name] = v.GetValue<string>();
                    break;
                case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                    facts[name] = v.GetValue<bool>();
                    break;
                case JsonValue v when v.TryGetValue<decimal>(out var d):
                    facts[name] = d;
                    break;
                default:
                    errors.Add(new InputError(name, $"unreadable value {node.ToJsonString()}", InputError.Unreadable));
                    break;
            }
        }

        foreach (var (key, node) in root)
        {
            if (key == "plans" && node is JsonObject plans)
            {
                foreach (var (planKey, planNode) in plans)
                {
                    Read("plans." + planKey, planNode);
                }
            }
            else
            {
                Read(key, node);
            }
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        return new Profile(facts, facts.TryGetValue("name", out var n) ? n as string : null);
    }

    /// <summary>A profile from a CSV row: empty cells are unknown; lists are separated by ';'; true/false are flags; numbers are numbers.</summary>
    public static Profile FromCsvRow(IReadOnlyList<string> header, IReadOnlyList<string> cells)
    {
        var facts = new Dictionary<string, object>(header.Count, StringComparer.Ordinal);
        for (var i = 0; i < header.Count && i < cells.Count; i++)
        {
            var cell = cells[i];
            if (cell.Length == 0)
            {
                continue;
            }

            var name = header[i];
            facts[name] = name is "industries" or "licences" or "tags"
                ? cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : cell is "true" ? true
                : cell is "false" ? false
                : decimal.TryParse(cell, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) ? d
                : cell;
        }

        return new Profile(facts, facts.TryGetValue("name", out var n) ? n as string : null);
    }
}
