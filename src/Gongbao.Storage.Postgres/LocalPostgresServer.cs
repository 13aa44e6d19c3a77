using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

using Npgsql;

namespace Gongbao.Storage.Postgres;

/// <summary>
/// A throw-away PostgreSQL server for tests and benchmarks: <c>initdb</c> in a temporary directory,
/// <c>pg_ctl start</c> on a free loopback port (never on a public interface), trust authentication
/// for one local role, and <c>pg_ctl stop</c> plus directory removal on dispose. Run as root, the
/// server binaries run as the <c>postgres</c> user (PostgreSQL refuses to run as root).
/// </summary>
public sealed class LocalPostgresServer : IDisposable
{
    public const string BinEnvironmentVariable = "GONGBAO_PG_BIN";
    private const string Role = "gongbao";

    private readonly string _bin;
    private readonly string _root;
    private readonly string _data;
    private readonly bool _asPostgresUser;
    private int _databases;
    private bool _running;

    private LocalPostgresServer(string bin, string root, bool asPostgresUser)
    {
        _bin = bin;
        _root = root;
        _data = Path.Combine(root, "data");
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; private set; }

    /// <summary>Connection string of the server's <c>postgres</c> maintenance database.</summary>
    public string ConnectionString => DatabaseConnectionString("postgres");

    /// <summary>The directory holding the server binaries, or null when PostgreSQL is not installed.</summary>
    public static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable(BinEnvironmentVariable) is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "pg_ctl")) ? configured : null;
        }

        // Debian layout: /usr/lib/postgresql/<major>/bin; the newest major wins.
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_ctl")) && File.Exists(Path.Combine(d, "postgres")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return debian ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "pg_ctl")) && File.Exists(Path.Combine(d, "initdb")));
    }

    /// <summary>Initialises and starts a server. <paramref name="durable"/> false turns fsync off (tests: speed over crash safety of the server itself).</summary>
    public static LocalPostgresServer Start(bool durable = false)
    {
        var bin = FindBinaries()
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found (install with scripts/install-deps.sh, or set GONGBAO_PG_BIN)");
        var asPostgresUser = Environment.UserName == "root";
        var root = Directory.CreateTempSubdirectory("gongbao-pg-").FullName;
        var server = new LocalPostgresServer(bin, root, asPostgresUser);
        try
        {
            server.Initialise(durable);
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    /// <summary>Creates a new, empty database and returns its connection string.</summary>
    public string CreateDatabase(string? prefix = null)
    {
        var name = $"{prefix ?? "gb"}_{Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture)}_{Guid.NewGuid().ToString("N")[..8]}";
        using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false");
        connection.Open();
        using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        cmd.ExecuteNonQuery();
        return DatabaseConnectionString(name);
    }

    public string DatabaseConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = Role, Database = database }.ConnectionString;

    private void Initialise(bool durable)
    {
        if (_asPostgresUser)
        {
            // The postgres user must own the data directory and reach it through the temp folder.
            Run("chown", ["-R", "postgres:postgres", _root], asPostgresUser: false);
        }

        Run(Path.Combine(_bin, "initdb"), ["-D", _data, "-U", Role, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
        // A port taken between probing and binding makes pg_ctl fail: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeLoopbackPort();
            var options = string.Join(' ',
                $"-p {Port.ToString(CultureInfo.InvariantCulture)}",
                $"-k {_root}",
                "-c listen_addresses=127.0.0.1",
                "-c max_connections=60",
                durable ? "" : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            try
            {
                Run(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-l", Path.Combine(_root, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
                _running = true;
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Run(string program, IReadOnlyList<string> arguments) => Run(program, arguments, _asPostgresUser);

    private static void Run(string program, IReadOnlyList<string> arguments, bool asPostgresUser)
    {
        var start = new ProcessStartInfo(asPostgresUser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgresUser)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish within 120 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} failed (exit {process.ExitCode}): {stderr.Result.Trim()} {stdout.Result.Trim()}".Trim());
        }
    }

    public void Dispose()
    {
        if (_running)
        {
            _running = false;
            NpgsqlConnection.ClearAllPools();
            try
            {
                Run(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "immediate", "-w", "-t", "30", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // Already gone: nothing left to stop.
            }
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
