using Gongbao.Domain;

namespace Gongbao.Parsing.Tests;

/// <summary>The fixture issues under Fixtures/ (own wording, the gazette layout), parsed once; variants parse edited text.</summary>
public static class Fixtures
{
    private static readonly Dictionary<string, Lazy<GazetteIssue>> Cache = new()
    {
        ["issue-forms-a.txt"] = new(() => Parse("issue-forms-a.txt")),
        ["issue-forms-b.txt"] = new(() => Parse("issue-forms-b.txt")),
    };

    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Text(string name) => File.ReadAllText(Path(name));

    public static GazetteIssue Get(string name) => Cache[name].Value;

    public static GazetteIssue ParseText(string text, string name = "variant.txt") => new GazetteParser().Parse(text, name, "0");

    private static GazetteIssue Parse(string name) => new GazetteParser().ParseFile(Path(name));
}
