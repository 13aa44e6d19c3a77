using System.CommandLine;
using System.Text;

using Gongbao.Cli;
using Gongbao.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;
return GongbaoApp.Run(args, CliContext.ForProcess());

namespace Gongbao.Cli
{
    public static partial class GongbaoApp
    {
        /// <summary>Every command of <c>gongbao</c>, in help order. Register a new command with one line here.</summary>
        public static IReadOnlyList<Func<CliContext, Command>> Commands { get; } =
        [
            DemoCommand.Create,
            IngestCommand.Create,
            ReindexCommand.Create,
            IssuesCommand.Create,
            TocCommand.Create,
            ShowCommand.Create,
            ExportCommand.Create,
            ServeCommand.Create,
            SearchCommand.Create,
            CiteCommand.Create,
            StatusCommand.Create,
            SchemesCommand.Create,
            EvalCommand.Create,
            MatchCommand.Create,
            UnitsCommand.Create,
            ExplainCommand.Create,
            BenchCommand.Create,
            LoadTestCommand.Create,
        ];
    }
}
