using Gongbao.Domain;
using Gongbao.Storage.Relational;

namespace Gongbao.Storage;

/// <summary>
/// The compressed values an ingest of <see cref="Issue"/> writes (each top-level document's body and the version text),
/// computed before the store's transaction: an ingest encodes the next file on its reading thread while the store
/// writes the previous one, so the compression is off the store's thread. They are the bytes the store would compute
/// itself (<see cref="GazetteRowWriter"/> and <see cref="StoredBlob"/> are the one encoder); a store that does not use
/// them ignores them.
/// </summary>
public sealed class IssueEncoding
{
    private IssueEncoding(GazetteIssue issue, string? sourceText, IReadOnlyList<byte[]> bodies, int versionTextLength, byte[] versionText)
    {
        Issue = issue;
        SourceText = sourceText;
        Bodies = bodies;
        VersionTextLength = versionTextLength;
        VersionText = versionText;
    }

    /// <summary>The issue encoded: the store accepts the encoding only with this very instance.</summary>
    public GazetteIssue Issue { get; }

    /// <summary>The source text given to the store with the issue (null: the documents' texts are kept as the version).</summary>
    public string? SourceText { get; }

    /// <summary>Each top-level document's compressed body, in document order.</summary>
    public IReadOnlyList<byte[]> Bodies { get; }

    /// <summary>The length (in chars) of the version text.</summary>
    public int VersionTextLength { get; }

    /// <summary>The compressed version text.</summary>
    public byte[] VersionText { get; }

    public static IssueEncoding Encode(GazetteIssue issue, string? sourceText)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var text = sourceText ?? RelationalGazetteStore.DocumentText(issue);
        return new IssueEncoding(issue, sourceText, GazetteRowWriter.EncodeBodies(issue), text.Length, StoredBlob.CompressText(text));
    }

    /// <summary>Whether this encodes exactly what a store is asked to write (the same issue and text instances).</summary>
    public bool Encodes(GazetteIssue issue, string? sourceText) =>
        ReferenceEquals(Issue, issue) && ReferenceEquals(SourceText, sourceText);
}
