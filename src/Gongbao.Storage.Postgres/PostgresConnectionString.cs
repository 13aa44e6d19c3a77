using Npgsql;

namespace Gongbao.Storage.Postgres;

/// <summary>Accepts both the Npgsql key/value form and the libpq URI form of a PostgreSQL address.</summary>
public static class PostgresConnectionString
{
    public static bool IsPostgres(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || text.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Npgsql key/value form of <paramref name="text"/>; a URI is converted, anything else is returned as is.</summary>
    public static string Normalize(string text)
    {
        if (!text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            && !text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"not a PostgreSQL URI: {RedactUri(text)}", nameof(text));
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            // libpq spells a few keys differently from Npgsql.
            builder[key.ToLowerInvariant() switch
            {
                "sslmode" => "SSL Mode",
                "connect_timeout" => "Timeout",
                "application_name" => "Application Name",
                _ => key,
            }] = value;
        }

        return builder.ConnectionString;
    }

    /// <summary><paramref name="text"/> without its password, for messages.</summary>
    public static string Redact(string text)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(Normalize(text)) { Password = null };
            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return RedactUri(text);
        }
    }

    // Never calls Normalize: used while reporting that Normalize failed.
    private static string RedactUri(string text)
    {
        var at = text.LastIndexOf('@');
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        return at > scheme && scheme >= 0 ? string.Concat(text.AsSpan(0, scheme + 3), "***", text.AsSpan(at)) : "(unreadable connection string)";
    }
}
