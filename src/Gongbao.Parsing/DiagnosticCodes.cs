using Gongbao.Domain;

namespace Gongbao.Parsing;

/// <summary>Stable diagnostic codes. GZ0xxx input/decoding, GZ1xxx issue and contents, GZ2xxx documents, GZ3xxx provisions.</summary>
public static class DiagnosticCodes
{
    public const string EmptyFile = "GZ0001";
    public const string BinaryFile = "GZ0002";
    public const string Undecodable = "GZ0003";
    public const string TooLarge = "GZ0004";
    public const string LongLine = "GZ0005";
    public const string NonUtf8Encoding = "GZ0010";
    public const string Utf16Encoding = "GZ0011";
    public const string FileNotFound = "GZ0012";

    public const string NoContents = "GZ1001";
    public const string MastheadFieldMissing = "GZ1002";
    public const string ContentsMisaligned = "GZ1003";
    public const string ContentsEntryIncomplete = "GZ1004";
    public const string NoStructure = "GZ1005";
    public const string StandaloneIdFromFileName = "GZ1006";

    public const string HeaderMissing = "GZ2001";
    public const string DocumentNotFound = "GZ2002";
    public const string DocumentTruncated = "GZ2003";
    public const string NumberMismatch = "GZ2004";
    public const string UnassignedText = "GZ2005";
    public const string DuplicateId = "GZ2006";

    /// <summary>Error: a document's body holds a header-like line with another contents entry's title.</summary>
    public const string EntryTitleInsideDocument = "GZ2007";

    public const string ArticleNumberSkipped = "GZ3001";
    public const string ArticleNumberRepeated = "GZ3002";
}

/// <summary>Collects diagnostics for one source file.</summary>
public sealed class DiagnosticBag(string file)
{
    private readonly List<ParseDiagnostic> _items = [];

    public string File { get; } = file;

    public IReadOnlyList<ParseDiagnostic> Items => _items;

    public void Add(ParseDiagnostic d) => _items.Add(d);

    public void Info(string code, int line, string message) => _items.Add(new(code, DiagnosticSeverity.Info, message, File, line));

    public void Warning(string code, int line, string message) => _items.Add(new(code, DiagnosticSeverity.Warning, message, File, line));

    /// <summary>Records an error that leaves the rest of the source usable (e.g. a contents entry not located).</summary>
    public void Error(string code, int line, string message) => _items.Add(new(code, DiagnosticSeverity.Error, message, File, line));

    /// <summary>An exception for input that cannot be parsed at all; the caller throws it.</summary>
    public GazetteFormatException Fail(string code, int line, string message) =>
        new(new ParseDiagnostic(code, DiagnosticSeverity.Error, message, File, line));
}
