using System.CommandLine;
using System.Text;

using Gongbao.Application.Export;
using Gongbao.Cli.Rendering;

namespace Gongbao.Cli.Commands;

public static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var reference = new Argument<string>("reference") { Description = "Document number, document ID or provision ID" };
        var format = new Option<string>("--format", "-f") { Description = "json (document with its provision tree) or akn (Akoma Ntoso XML, documents only)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "akn");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var issue = new Option<string?>("--issue") { Description = "Use the witness printed in this source" };
        var command = new Command("export", "Export a document (or provision) as JSON or Akoma Ntoso XML") { reference, format, output, issue };
        command.SetAction(parseResult =>
        {
            using var store = context.OpenStore(parseResult);
            var item = StoredItem.Resolve(store, parseResult.GetValue(reference)!, parseResult.GetValue(issue));
            string text;
            if (parseResult.GetValue(format) == "akn")
            {
                var witness = item.Document ?? throw new CliException(ExitCodes.Usage,
                    "Akoma Ntoso export needs a document, not a provision: export the document and use the provision's eId");
                var published = store.ListIssues().FirstOrDefault(i => i.Id == witness.IssueId)?.PublicationDate;
                var xml = AkomaNtosoExporter.Export(witness.IssueId, witness.Document, published);
                text = xml.Declaration + Environment.NewLine + xml.ToString();
            }
            else
            {
                text = item.Document is { } w
                    ? JsonDocumentExporter.Document(w.IssueId, w.Document)
                    : JsonDocumentExporter.Provision(item.Provision!.IssueId, item.Provision.DocumentId, item.Provision.Provision);
            }

            if (parseResult.GetValue(output) is { } path)
            {
                File.WriteAllText(path, text + "\n", new UTF8Encoding(false));
            }
            else
            {
                context.Output.WriteLine(text);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
