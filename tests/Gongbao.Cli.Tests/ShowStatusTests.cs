using System.Text.Json;

using Gongbao.Parsing;
using Gongbao.Storage;

namespace Gongbao.Cli.Tests;

/// <summary><c>show</c> prints the legal status with its reason (today by default, <c>--as-of</c>); <c>search --status</c> filters by it.</summary>
public sealed class ShowStatusTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Show_prints_the_status_of_jingjianfa_2024_12_under_article_16()
    {
        _cli.Run("ingest", SampleGazettes.File("2025-12.txt"));
        // 京建法〔2024〕12号, 办法 第十六条: 本办法自2025年2月1日起施行.
        var before = _cli.Run("show", "京建法〔2024〕12号", "--as-of", "2025-01-31");
        Assert.Equal(0, before.ExitCode);
        Assert.StartsWith("尚未施行 (2025-01-31) 自2025-02-01起施行", before.Out);

        var json = _cli.Run("show", "jingjianfa-2024-12/art-16", "--as-of", "2025-02-01", "--json");
        Assert.Equal(0, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Out);
        var status = doc.RootElement.GetProperty("status");
        Assert.Equal("InForce", status.GetProperty("state").GetString());
        Assert.Equal("现行有效", status.GetProperty("badge").GetString());
        Assert.Equal("jingjianfa-2024-12", status.GetProperty("documentId").GetString());
        Assert.Equal("jingjianfa-2024-12/art-16", doc.RootElement.GetProperty("provision").GetProperty("provision").GetProperty("id").GetString());

        // No --as-of: today in Beijing; a malformed date is a usage error, never today.
        Assert.Matches(@"^(现行有效|尚未施行|已失效|已废止|部分修改|状态不明) \(\d{4}-\d{2}-\d{2}\)", _cli.Run("show", "jingjianfa-2024-12").Out);
        Assert.Equal(2, _cli.Run("show", "jingjianfa-2024-12", "--as-of", "2025-02-30").ExitCode);
    }

    [Fact]
    public void Search_status_keeps_only_documents_in_that_state()
    {
        _cli.Run("ingest", SampleGazettes.File("2025-12.txt"));
        var notYet = JsonDocument.Parse(_cli.Run("search", "办法", "--status", "尚未施行", "--as-of", "2025-01-31", "--json", "--page-size", "100").Out).RootElement;
        Assert.Contains(notYet.GetProperty("hits").EnumerateArray(), h => h.GetProperty("documentId").GetString() == "jingjianfa-2024-12");
        var inForce = JsonDocument.Parse(_cli.Run("search", "办法", "--status", "InForce", "--as-of", "2025-02-01", "--json", "--page-size", "100").Out).RootElement;
        Assert.Contains(inForce.GetProperty("hits").EnumerateArray(), h => h.GetProperty("documentId").GetString() == "jingjianfa-2024-12");
        var stillNotYet = JsonDocument.Parse(_cli.Run("search", "办法", "--status", "尚未施行", "--as-of", "2025-02-01", "--json", "--page-size", "100").Out).RootElement;
        Assert.DoesNotContain(stillNotYet.GetProperty("hits").EnumerateArray(), h => h.GetProperty("documentId").GetString() == "jingjianfa-2024-12");
        Assert.Equal(2, _cli.Run("search", "办法", "--status", "valid").ExitCode);

        // The ingest stored the relations with the issue; nothing is left to extract.
        using var store = SqliteGazetteStore.OpenDirectory(_cli.DataDirectory);
        Assert.Empty(store.SourcesWithoutRelations(Citations.Relations.StoredRelations.ExtractorVersion));
        Assert.NotEmpty(store.Relations());
    }
}
