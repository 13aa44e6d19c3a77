using Gongbao.Parsing;

namespace Gongbao.Cli.Tests;

/// <summary>Issue 10: every usage error exits 2 (README's exit-code table), even with --help attached or an empty query.</summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("no-such-command", "--help")]
    [InlineData("no-such-command")]
    [InlineData("--help", "no-such-command")]
    [InlineData("search", "")]
    [InlineData("search", "   ")]
    [InlineData("search")]
    [InlineData("ingest")]
    [InlineData("issues", "--no-such-option")]
    [InlineData("search", "信用", "--page", "zero")]
    public void A_usage_error_exits_2_with_a_message(params string[] args)
    {
        Assert.Equal(0, _cli.Run("ingest", SampleGazettes.File("2024-31.txt")).ExitCode);

        var run = _cli.Run(args);

        Assert.True(run.ExitCode == ExitCodes.Usage, $"gongbao {string.Join(' ', args)} exited {run.ExitCode}: {run.Err}");
        Assert.StartsWith("gongbao: ", run.Err);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("search", "--help")]
    [InlineData("issues", "-h")]
    public void Help_for_a_known_command_exits_0(params string[] args)
    {
        var run = _cli.Run(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out);
    }
}
