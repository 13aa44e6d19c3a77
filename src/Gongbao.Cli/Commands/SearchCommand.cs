using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

using Gongbao.Citations;
using Gongbao.Citations.Relations;
using Gongbao.Search;

using Spectre.Console;

namespace Gongbao.Cli.Commands;

/// <summary><c>gongbao search</c>: full-text search of documents or provisions from the terminal.</summary>
public static partial class SearchCommand
{
    [GeneratedRegex("</?mark>")]
    private static partial Regex MarkTag();

    public static Command Create(CliContext context)
    {
        var query = new Argument<string>("query") { Description = "Words or a phrase (\"…\"), or a document number" };
        var provisions = new Option<bool>("--provisions", "-p") { Description = "Search provisions (articles, items) instead of documents" };
        var year = new Option<int?>("--year") { Description = "Only this year" };
        var issuer = new Option<string?>("--issuer") { Description = "Only documents of this issuer (as printed, e.g. 北京市财政局)" };
        var kind = new Option<string?>("--kind") { Description = "Only this kind (Notice, Measures, Opinion…)" };
        var section = new Option<string?>("--section") { Description = "Only this gazette section (部门文件…)" };
        var page = new Option<int>("--page") { DefaultValueFactory = _ => 1, Description = "Page (1-based)" };
        var size = new Option<int>("--page-size") { DefaultValueFactory = _ => 10, Description = "Hits per page" };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON" };
        var status = new Option<string?>("--status") { Description = "Only documents in this legal status: 尚未施行, 现行有效, 已失效, 已废止, 部分修改 (or NotYetInForce, InForce, Expired, Repealed, PartlyAmended)" };
        var asOf = new Option<string?>("--as-of") { Description = "The date --status is evaluated at, yyyy-MM-dd (default: today in Beijing)" };
        var command = new Command("search", "Search the gazettes (Chinese full text, titles, numbers)") { query, provisions, year, issuer, kind, section, page, size, json, status, asOf };
        command.SetAction(parseResult =>
        {
            if (string.IsNullOrWhiteSpace(parseResult.GetValue(query)))
            {
                throw new CliException(ExitCodes.Usage, "the search query is empty: give words, a \"phrase\" or a document number");
            }

            var date = LegalStates.TodayInBeijing();
            LegalState state = default;
            var filtered = parseResult.GetValue(status) is not null || parseResult.GetValue(asOf) is not null;
            if (filtered && !LegalStates.TryParse(parseResult.GetValue(status), out state))
            {
                throw new CliException(ExitCodes.Usage, $"--status is one of {LegalStates.Names}");
            }

            if (parseResult.GetValue(asOf) is { } asked && !DateOnly.TryParseExact(asked, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                throw new CliException(ExitCodes.Usage, "--as-of must be a date yyyy-MM-dd");
            }

            using var services = SearchServices.OpenReadOnly(context, parseResult);
            // Status is not in the index: the documents in that state narrow the search there, so totals stay exact.
            var inState = filtered ? new LegalStatusEvaluator(new RelationGraph(services.Store, new CitationResolver(services.Store))).DocumentsIn(state, date) : null;
            var results = services.Index.Search(new SearchRequest
            {
                Query = parseResult.GetValue(query)!,
                Level = parseResult.GetValue(provisions) ? SearchLevel.Provision : SearchLevel.Document,
                Year = parseResult.GetValue(year),
                Issuer = parseResult.GetValue(issuer),
                Kind = parseResult.GetValue(kind),
                Section = parseResult.GetValue(section),
                Page = parseResult.GetValue(page),
                PageSize = parseResult.GetValue(size),
                DocumentIds = inState,
            });
            if (parseResult.GetValue(json))
            {
                context.Output.WriteLine(JsonSerializer.Serialize(results, CliJson.Options));
                return ExitCodes.Success;
            }

            Print(context, results);
            return results.Total == 0 ? ExitCodes.NotFound : ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliContext context, SearchResults r)
    {
        context.Console.MarkupLine($"[grey]{r.Total} matches, page {r.Page}, {r.ElapsedMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms[/]");
        foreach (var h in r.Hits)
        {
            var title = h.Id == h.DocumentId ? h.Title : $"{h.Label}{(h.Heading is null ? "" : $"【{h.Heading}】")} · {h.Title}";
            context.Console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
            context.Console.MarkupLine($"  [blue]{Markup.Escape(h.Id)}[/] [grey]{Markup.Escape(string.Join(" · ", new[] { h.Number, h.IssueId }.Where(s => s is not null)))}[/]");
            context.Console.MarkupLine("  " + Highlight(h.Snippet));
        }
    }

    // The snippet is HTML (escaped text + <mark>): turn it into console markup.
    private static string Highlight(string snippet)
    {
        // Split on the tags first, then unescape each piece: odd pieces were inside <mark>.
        var segments = MarkTag().Split(snippet).Select(s => System.Net.WebUtility.HtmlDecode(s) ?? "").ToArray();
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < segments.Length; i++)
        {
            sb.Append(i % 2 == 1 ? $"[black on yellow]{Markup.Escape(segments[i])}[/]" : Markup.Escape(segments[i]));
        }

        return sb.ToString();
    }
}
