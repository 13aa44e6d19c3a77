namespace Gongbao.Cli.Tests;

/// <summary><c>gongbao serve</c> refuses to start with an unusable ingest configuration, naming the setting.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void A_missing_or_weak_ingest_token_or_a_missing_inbox_stops_serve_before_it_listens()
    {
        var missing = Path.Combine(_cli.Root, "no-token.txt");
        var run = _cli.Run("serve", "--url", "http://127.0.0.1:0", "--ingest-token-file", missing);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"gongbao: Gongbao:IngestTokenFile: no such file {missing}", run.Err.Trim());

        var weak = _cli.Input("weak-token.txt", "secret\n"u8.ToArray());
        run = _cli.Run("serve", "--url", "http://127.0.0.1:0", "--ingest-token-file", weak);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("gongbao: Gongbao:IngestToken must be at least 16 characters without spaces (it is 6)", run.Err.Trim());

        var token = _cli.Input("token.txt", "0123456789abcdef-token\n"u8.ToArray());
        var inbox = Path.Combine(_cli.Root, "no-inbox");
        run = _cli.Run("serve", "--url", "http://127.0.0.1:0", "--ingest-token-file", token, "--inbox", inbox);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"gongbao: Gongbao:IngestInbox: no such directory {inbox}", run.Err.Trim());
    }
}
