using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Gongbao.Rules.Matching;

/// <summary>JSON view of match results, shared by the CLI (<c>match --json</c>) and <c>POST /api/match</c>.</summary>
public static class MatchJson
{
    public static JsonObject Result(Profile profile, DateOnly asOf, IReadOnlyList<MeasureMatch> matches) => new()
    {
        ["profile"] = profile.Name,
        ["asOf"] = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["applies"] = matches.Count(m => m.Status == MatchStatus.Applies),
        ["mayApply"] = matches.Count(m => m.Status == MatchStatus.MayApply),
        ["measures"] = new JsonArray([.. matches.Select(m => (JsonNode)Measure(m))]),
    };

    public static JsonObject Measure(MeasureMatch m) => new()
    {
        ["scheme"] = m.SchemeId,
        ["measure"] = m.MeasureId,
        ["title"] = m.Title,
        ["documentNumber"] = m.DocumentNumber,
        ["status"] = Status(m.Status),
        ["maxAmount"] = m.MaxAmount,
        ["unit"] = m.MaxAmount is null ? null : m.Unit,
        ["amountIsCap"] = m.MaxAmount is null ? null : m.AmountIsCap,
        ["missingFacts"] = new JsonArray([.. m.MissingFacts.Select(f => (JsonNode)JsonValue.Create(f))]),
        ["conditions"] = new JsonArray([.. m.Conditions.Select(c => (JsonNode)new JsonObject
        {
            ["text"] = c.Text,
            ["holds"] = c.Holds,
            ["facts"] = new JsonArray([.. c.Facts.Select(f => (JsonNode)JsonValue.Create(f))]),
            ["provisionId"] = c.Source.ProvisionId,
            ["quote"] = c.Source.Quote,
        })]),
    };

    public static string Status(MatchStatus s) => s switch
    {
        MatchStatus.Applies => "applies",
        MatchStatus.MayApply => "may-apply",
        _ => "does-not-apply",
    };
}

/// <summary>Matching many profiles from CSV: header row of fact names, one profile a row.</summary>
public static class MatchBatch
{
    /// <summary>Reads profiles; a quoted cell or an unknown column is an error (cells are split on commas, lists on ';').</summary>
    public static IReadOnlyList<Profile> ReadCsv(TextReader reader)
    {
        var headerLine = reader.ReadLine() ?? throw new InvalidDataException("empty CSV: expected a header row of fact names");
        var header = headerLine.Split(',').Select(h => h.Trim()).ToArray();
        var unknown = header.Where(h => !Profile.KnownFacts.Contains(h)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException("unknown CSV column(s): " + string.Join(", ", unknown));
        }

        var profiles = new List<Profile>();
        var line = 1;
        while (reader.ReadLine() is { } row)
        {
            line++;
            if (row.Length == 0)
            {
                continue;
            }

            if (row.Contains('"', StringComparison.Ordinal))
            {
                throw new InvalidDataException($"line {line}: quoted cells are not supported (lists use ';', no commas inside cells)");
            }

            profiles.Add(Profile.FromCsvRow(header, row.Split(',')));
        }

        return profiles;
    }

    /// <summary>Status of every measure for every profile; returns per-status totals and the elapsed time.</summary>
    public static (long Applies, long MayApply, TimeSpan Elapsed) Run(MeasureMatcher matcher, IReadOnlyList<Profile> profiles, DateOnly asOf)
    {
        long applies = 0, may = 0;
        var clock = Stopwatch.StartNew();
        foreach (var p in profiles)
        {
            var (a, m) = matcher.Count(p, asOf);
            applies += a;
            may += m;
        }

        return (applies, may, clock.Elapsed);
    }
}
