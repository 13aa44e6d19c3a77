using System.CommandLine;
using System.Globalization;
using System.Text.Json;

using Gongbao.Rules.Engine;
using Gongbao.Rules.Matching;

using Spectre.Console;

using Profile = Gongbao.Rules.Matching.Profile;

namespace Gongbao.Cli.Commands;

/// <summary>
/// <c>gongbao match --profile p.json --as-of 2025-06-30</c>: which measures apply to this organisation and how much at
/// most, each with the conditions checked and the provisions they rest on. <c>--batch profiles.csv</c> matches many
/// profiles and reports the throughput.
/// </summary>
public static class MatchCommand
{
    public static Command Create(CliContext context)
    {
        var profileOption = new Option<string?>("--profile", "-p") { Description = "JSON profile (docs/examples/profiles/)" };
        var batch = new Option<string?>("--batch") { Description = "CSV of profiles (header: fact names; lists separated by ';'): prints counts and throughput" };
        var asOf = new Option<string>("--as-of") { Description = "Date (yyyy-MM-dd) on which the measures are matched", Required = true };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("match", "Which measures apply to a profile (applies / may apply / does not apply, with reasons and maximum amounts)") { profileOption, batch, asOf, json };
        command.SetAction(parseResult =>
        {
            var text = parseResult.GetValue(asOf)!;
            var date = SchemeInput.ParseDate(text) ?? throw new CliException(ExitCodes.Usage, $"--as-of: expected yyyy-MM-dd, got '{text}'");
            var path = parseResult.GetValue(profileOption);
            var csv = parseResult.GetValue(batch);
            if ((path is null) == (csv is null))
            {
                throw new CliException(ExitCodes.Usage, "give exactly one of --profile or --batch");
            }

            var matcher = MeasureMatcher.Default;
            if (csv is not null)
            {
                IReadOnlyList<Profile> profiles;
                try
                {
                    using var reader = new StreamReader(csv);
                    profiles = MatchBatch.ReadCsv(reader);
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    throw new CliException(ExitCodes.InputFailed, $"{csv}: {ex.Message}");
                }

                var (applies, may, elapsed) = MatchBatch.Run(matcher, profiles, date);
                var perMinute = elapsed.TotalSeconds == 0 ? 0 : profiles.Count / elapsed.TotalMinutes;
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{profiles.Count} profiles × {matcher.MeasureCount} measures: {applies} applies, {may} may apply; {elapsed.TotalMilliseconds:0} ms, {perMinute:0} profiles/min"));
                return ExitCodes.Success;
            }

            Profile profile;
            try
            {
                profile = Profile.FromJson(File.ReadAllText(path!));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
            {
                throw new CliException(ExitCodes.InputFailed, $"{path}: {ex.Message}");
            }
            catch (InputValidationException ex)
            {
                foreach (var e in ex.Errors)
                {
                    context.Fail($"{path}: {e.Field}: {e.Message}");
                }

                return ExitCodes.InputFailed;
            }

            var matches = matcher.Match(profile, date);
            if (parseResult.GetValue(json))
            {
                context.Output.WriteLine(MatchJson.Result(profile, date, matches).ToJsonString(SchemeCliJson.Options));
                return ExitCodes.Success;
            }

            var table = new Table { Title = new TableTitle(Markup.Escape($"{profile.Name ?? path} · {text}")) }
                .AddColumns("Measure 措施", "Status", "Max 最高", "Why 依据");
            foreach (var m in matches)
            {
                var why = m.Status switch
                {
                    MatchStatus.DoesNotApply => m.Conditions.First(c => c.Holds == false) is var c ? $"✗ {c.Text} [{c.Source.ProvisionId}]" : "",
                    MatchStatus.MayApply => "missing: " + string.Join(", ", m.MissingFacts),
                    _ => string.Join("\n", m.Conditions.Select(c => $"✓ {c.Text} [{c.Source.ProvisionId}]")),
                };
                table.AddRow(
                    Markup.Escape($"{m.Title}\n{m.DocumentNumber}"),
                    Markup.Escape(MatchJson.Status(m.Status)),
                    Markup.Escape(m.MaxAmount is { } a ? (m.AmountIsCap ? "≤ " : "") + a.ToString("#,0.##", CultureInfo.InvariantCulture) + " " + m.Unit : "—"),
                    Markup.Escape(why));
            }

            context.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
