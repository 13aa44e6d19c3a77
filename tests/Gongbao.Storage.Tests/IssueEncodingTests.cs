using System.Security.Cryptography;
using System.Text;

using Gongbao.Citations.Relations;
using Gongbao.Corpus;
using Gongbao.Domain;
using Gongbao.Parsing;

using Microsoft.Data.Sqlite;

namespace Gongbao.Storage.Tests;

/// <summary>
/// An ingest encodes an issue's compressed values (bodies, version text) before the store's transaction, on its reading
/// thread (<see cref="IssueEncoding"/>): what is stored must be byte for byte what the store writes when it encodes them itself.
/// </summary>
public sealed class IssueEncodingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gongbao-encoding-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Issues_stored_with_their_encoding_are_stored_byte_for_byte_as_the_store_encodes_them()
    {
        var issues = new List<(GazetteIssue Issue, string? Text)>();
        foreach (var generated in CorpusGenerator.FromSamples(seed: 7).Generate(6))
        {
            var bytes = Encoding.UTF8.GetBytes(generated.Text);
            issues.Add((new GazetteParser().Parse(generated.Text, generated.FileName, Convert.ToHexStringLower(SHA256.HashData(bytes))), generated.Text));
        }

        // Hand-built: instruments nested in a document, a table, an attachment; no source text (the documents' texts are kept).
        issues.Add((HandBuiltIssues.Issue(), null));
        issues.Add((HandBuiltIssues.Standalone(), null));
        // A replace, with a text of its own.
        issues.Add((HandBuiltIssues.Issue(sha: "EF56", variant: "（修订）"), "修订后的全文"));

        var plain = Path.Combine(_directory, "plain.db");
        var encoded = Path.Combine(_directory, "encoded.db");
        using (var a = SqliteGazetteStore.Open(plain))
        using (var b = SqliteGazetteStore.Open(encoded))
        {
            foreach (var (issue, text) in issues)
            {
                var force = issue.SourceSha256 == "EF56";
                var ra = a.Ingest(issue, force, text, StoredRelations.ForIngest(a, issue));
                var rb = b.Ingest(issue, force, text, StoredRelations.ForIngest(b, issue), IssueEncoding.Encode(issue, text));
                Assert.Equal(ra, rb);
            }
        }

        var tables = Tables(plain);
        Assert.Contains("document_bodies", tables);
        Assert.Contains("source_versions", tables);
        foreach (var table in tables)
        {
            var expected = Rows(plain, table);
            var actual = Rows(encoded, table);
            Assert.Equal(expected.Count, actual.Count);
            Assert.True(expected.SequenceEqual(actual), $"table {table} differs");
        }

        Assert.True(Rows(plain, "document_bodies").Count >= 6 * 3, "too few bodies to compare");
        Assert.Equal(issues.Count, Rows(plain, "source_versions").Count);
    }

    [Fact]
    public void An_encoding_of_another_issue_or_text_is_refused_and_nothing_is_stored()
    {
        var issue = HandBuiltIssues.Issue();
        var other = HandBuiltIssues.Issue(sha: "EF56", variant: "（修订）");
        using var store = SqliteGazetteStore.Open(Path.Combine(_directory, "refused.db"));
        var digest = store.ContentDigest();

        Assert.Throws<ArgumentException>(() => store.Ingest(issue, false, "全文", null, IssueEncoding.Encode(other, "全文")));
        // An equal text is not enough: the encoding is of the very text given.
        Assert.Throws<ArgumentException>(() => store.Ingest(issue, false, new string("全文".AsSpan()), null, IssueEncoding.Encode(issue, "全文")));
        Assert.Throws<ArgumentException>(() => store.Ingest(issue, false, null, null, IssueEncoding.Encode(issue, "全文")));

        Assert.Equal(digest, store.ContentDigest());
        Assert.Empty(store.ListIssues());
    }

    [Fact]
    public void A_crash_mid_write_of_an_encoded_issue_leaves_the_store_as_it_was_and_the_hook_sees_every_provision()
    {
        var issue = HandBuiltIssues.Issue();
        using var store = SqliteGazetteStore.Open(Path.Combine(_directory, "crash.db"));
        var seen = new List<int>();
        store.ProvisionWritten = seen.Add;
        var stored = store.Ingest(issue, false, null, null, IssueEncoding.Encode(issue, null));
        Assert.Equal(Enumerable.Range(1, stored.Provisions), seen);

        var replacement = HandBuiltIssues.Issue(sha: "EF56", variant: "（修订）");
        var digest = store.ContentDigest();
        store.ProvisionWritten = n =>
        {
            if (n == 7)
            {
                throw new IOException("simulated crash");
            }
        };

        Assert.Throws<IOException>(() => store.Ingest(replacement, true, null, null, IssueEncoding.Encode(replacement, null)));
        store.ProvisionWritten = null;
        Assert.Equal(digest, store.ContentDigest());
        Assert.Equal("AB12", store.GetIssue(issue.Id)!.SourceSha256);
    }

    private static List<string> Tables(string path)
    {
        using var connection = Open(path);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read())
        {
            names.Add(r.GetString(0));
        }

        return names;
    }

    /// <summary>Every row in storage order, each value as text or hex; times (ingested_at, applied_at) left out.</summary>
    private static List<string> Rows(string path, string table)
    {
        using var connection = Open(path);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT * FROM {table} ORDER BY rowid";
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
        {
            var values = new List<string>();
            for (var i = 0; i < r.FieldCount; i++)
            {
                var name = r.GetName(i);
                if (name.EndsWith("_at", StringComparison.Ordinal))
                {
                    continue;
                }

                values.Add(name + "=" + r.GetValue(i) switch
                {
                    byte[] blob => Convert.ToHexString(blob),
                    DBNull => "NULL",
                    var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
                });
            }

            rows.Add(string.Join("|", values));
        }

        return rows;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
