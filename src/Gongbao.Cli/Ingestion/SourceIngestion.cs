using System.Security.Cryptography;

using Gongbao.Domain;
using Gongbao.Storage;

namespace Gongbao.Cli.Ingestion;

/// <summary>The outcome for one input file: stored (with its result and diagnostics) or failed (with the reason).</summary>
public sealed record FileOutcome(string Path, IngestResult? Result, IReadOnlyList<ParseDiagnostic> Diagnostics, string? Error, TimeSpan Elapsed)
{
    public bool Failed => Error is not null;
}

/// <summary>
/// Parses and stores source files one at a time, each in its own store transaction, so a file that
/// fails (unreadable, unparseable, store error) leaves the store as it was and the others still land.
/// Shared by <c>ingest</c> and <c>demo</c>.
/// </summary>
public sealed class SourceIngestion(IGazetteStore store, Func<string, GazetteIssue> parse)
{
    /// <summary>
    /// Expands the arguments into files: a file is taken as named, a directory contributes its
    /// <c>*.txt</c> files (recursively, in ordinal order). A missing path is kept, to be reported as failed.
    /// </summary>
    public static IReadOnlyList<string> ExpandInputs(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        return files;
    }

    public FileOutcome IngestFile(string path, bool force)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            if (Directory.Exists(path))
            {
                return Failure(path, "is a directory without *.txt files", started);
            }

            if (!File.Exists(path))
            {
                return Failure(path, "no such file", started);
            }

            // Unchanged bytes are recognised before parsing: re-running an ingest costs one hash per file.
            if (!force && store.FindSourceBySha256(Sha256(path)) is { } known)
            {
                return new FileOutcome(path, new IngestResult(known, IngestOutcome.Unchanged, 0, 0), [], null, started.Elapsed);
            }

            GazetteIssue issue;
            try
            {
                issue = parse(path);
            }
            catch (GazetteFormatException ex)
            {
                return new FileOutcome(path, null, [ex.Diagnostic], DiagnosticText.Format(ex.Diagnostic), started.Elapsed);
            }

            var result = store.Ingest(issue, force);
            return new FileOutcome(path, result, issue.Diagnostics, null, started.Elapsed);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException
                                       or System.Data.Common.DbException or InvalidOperationException)
        {
            return Failure(path, ex.Message, started);
        }
    }

    private static FileOutcome Failure(string path, string message, System.Diagnostics.Stopwatch started) =>
        new(path, null, [], $"{path}: {message}", started.Elapsed);

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

public static class DiagnosticText
{
    /// <summary><c>file:line: severity CODE: message</c>, or <c>file: …</c> for problems with the file as a whole.</summary>
    public static string Format(ParseDiagnostic d) =>
        $"{(d.Line > 0 ? $"{d.File}:{d.Line}" : d.File)}: {d.Severity.ToString().ToLowerInvariant()} {d.Code}: {d.Message}";
}
