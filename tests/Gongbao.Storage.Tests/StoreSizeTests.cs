using System.Security.Cryptography;
using System.Text;

using Gongbao.Citations.Relations;
using Gongbao.Corpus;
using Gongbao.Parsing;

using Microsoft.Data.Sqlite;

using Xunit.Abstractions;

namespace Gongbao.Storage.Tests;

/// <summary>Issue 11: the SQLite store of a gazette corpus takes at most 1.5× the gazette text (schema 3 took 4.3×).</summary>
public sealed class StoreSizeTests(ITestOutputHelper output) : IDisposable
{
    private const double MaxStoreToText = 1.5;

    private readonly string _directory = Directory.CreateTempSubdirectory("gongbao-size-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_synthetic_corpus_is_stored_in_at_most_one_and_a_half_times_its_text()
    {
        long textBytes = 0;
        var documents = 0;
        using (var store = SqliteGazetteStore.OpenDirectory(_directory))
        {
            // As `gongbao ingest` stores them: the decoded text kept in the history, relations with the issue.
            foreach (var generated in CorpusGenerator.FromSamples(seed: 42).Generate(20))
            {
                var bytes = Encoding.UTF8.GetBytes(generated.Text);
                textBytes += bytes.Length;
                var issue = new GazetteParser().Parse(generated.Text, generated.FileName, Convert.ToHexStringLower(SHA256.HashData(bytes)));
                documents += store.Ingest(issue, force: false, generated.Text, StoredRelations.ForIngest(store, issue)).Documents;
            }

            Assert.Equal(20, store.Counts().Sources);
            Assert.True(store.Relations().Count > 0, "relations are part of a real store");
        }

        SqliteConnection.ClearAllPools();
        var storeBytes = Directory.EnumerateFiles(_directory, SqliteGazetteStore.DefaultFileName + "*").Sum(f => new FileInfo(f).Length);
        var ratio = (double)storeBytes / textBytes;
        output.WriteLine($"{documents} documents, text {textBytes:N0} bytes, store {storeBytes:N0} bytes: {ratio:0.000}×");
        Assert.True(documents > 100, $"only {documents} documents: the corpus is too small to measure");
        Assert.True(ratio <= MaxStoreToText, $"store {storeBytes:N0} bytes for {textBytes:N0} bytes of text: {ratio:0.00}× > {MaxStoreToText}×");
    }
}
