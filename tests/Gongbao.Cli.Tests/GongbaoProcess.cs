using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Gongbao.Cli.Tests;

/// <summary>The real <c>gongbao</c> program in its own process (as an operator runs it beside others).</summary>
public static partial class GongbaoProcess
{
    public static Process Start(string dataDirectory, string[] args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gongbao.dll"));
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(dataDirectory);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("cannot start gongbao");
    }

    /// <summary>Waits for <c>gongbao serve</c> to print its address, then keeps draining its output.</summary>
    public static async Task<string> ServerUrl(Process server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ReaderAddress().Match(line) is { Success: true } m)
            {
                // Keep draining the server's output so it never blocks on a full pipe.
                _ = server.StandardOutput.ReadToEndAsync();
                _ = server.StandardError.ReadToEndAsync();
                return m.Groups[1].Value;
            }
        }

        throw new InvalidOperationException($"gongbao serve did not start: {await server.StandardError.ReadToEndAsync()}");
    }

    [GeneratedRegex(@"reader at (http://127\.0\.0\.1:\d+)/")]
    private static partial Regex ReaderAddress();
}
