using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Gongbao.Search.Tests;

/// <summary>An index written in another entry layout is emptied on open (then rebuilt from the store), never mixed.</summary>
public sealed class IndexFormatTests : IDisposable
{
    private readonly string _path = System.IO.Directory.CreateTempSubdirectory("gongbao-index-format-").FullName;

    [Fact]
    public void An_index_without_the_current_format_is_emptied_on_open()
    {
        // An index as an older Gongbao wrote it: entries, but no format version in the commit.
        using (var directory = FSDirectory.Open(_path))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ChineseAnalyzer.Version, ChineseAnalyzer.ForIndex())))
        {
            writer.AddDocument(new Document { new StringField(SearchFields.Issue, "beijing-2024-31", Field.Store.YES) });
            writer.Commit();
        }

        using var index = GazetteIndex.Open(_path);
        Assert.Equal(0, index.Count);
        Assert.Empty(index.IndexedIssues());
    }

    [Fact]
    public void An_index_in_the_current_format_keeps_its_entries_across_opens()
    {
        var issue = SampleCorpus.Issues.Single(i => i.Id == "beijing-2024-31");
        int count;
        using (var index = GazetteIndex.Open(_path))
        {
            index.IndexIssue(issue);
            count = index.Count;
        }

        using var reopened = GazetteIndex.Open(_path);
        Assert.True(count > issue.Documents.Count);
        Assert.Equal(count, reopened.Count);
        Assert.Equal(["beijing-2024-31"], reopened.IndexedIssues());
    }

    public void Dispose() => System.IO.Directory.Delete(_path, recursive: true);
}
