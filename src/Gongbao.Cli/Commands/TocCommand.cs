using System.CommandLine;
using System.Globalization;

using Spectre.Console;

namespace Gongbao.Cli.Commands;

public static class TocCommand
{
    public static Command Create(CliContext context)
    {
        var issueId = new Argument<string>("issue-id") { Description = "Issue ID, e.g. beijing-2024-31" };
        var command = new Command("toc", "Show the bilingual table of contents of an issue") { issueId };
        command.SetAction(parseResult =>
        {
            var id = parseResult.GetValue(issueId)!;
            using var store = context.OpenStore(parseResult);
            var issue = store.GetIssue(id) ?? throw new CliException(ExitCodes.NotFound, $"no stored source with ID '{id}' (see 'gongbao issues')");
            var table = new Table { Title = new TableTitle(Markup.Escape($"{issue.GazetteTitle ?? issue.Id} {issue.Year}年第{issue.Number}期 · {issue.Id}")) }
                .AddColumns("#", "Section 栏目", "Title 标题", "Number 文号", "Page")
                .ShowRowSeparators();
            foreach (var e in issue.Contents)
            {
                table.AddRow(
                    e.Ordinal.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(e.SectionZh) + (e.SectionEn is null ? "" : $"\n[grey]{Markup.Escape(e.SectionEn)}[/]"),
                    Markup.Escape(e.TitleZh) + (e.TitleEn is null ? "" : $"\n[grey]{Markup.Escape(e.TitleEn)}[/]"),
                    Markup.Escape(e.Number?.Canonical ?? "") + (e.NumberEn is null ? "" : $"\n[grey]{Markup.Escape(e.NumberEn)}[/]"),
                    e.Page?.ToString(CultureInfo.InvariantCulture) ?? "");
            }

            if (issue.Contents.Count == 0)
            {
                context.Console.WriteLine($"{issue.Id} has no table of contents.");
                return ExitCodes.Success;
            }

            context.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
