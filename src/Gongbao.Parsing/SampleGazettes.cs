namespace Gongbao.Parsing;

/// <summary>
/// Finds the sample gazettes that sit beside the repository (<c>../shared/gazettes</c>): the default
/// input of <c>gongbao demo</c> and the real-input fixtures of the tests. GONGBAO_GAZETTES overrides.
/// </summary>
public static class SampleGazettes
{
    public static string? TryLocate(string? startDirectory = null)
    {
        var fromEnv = Environment.GetEnvironmentVariable("GONGBAO_GAZETTES");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
        {
            return Path.GetFullPath(fromEnv);
        }

        foreach (var start in new[] { startDirectory, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "gazettes");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static string Locate(string? startDirectory = null) =>
        TryLocate(startDirectory) ?? throw new DirectoryNotFoundException(
            "Sample gazettes not found: expected a shared/gazettes folder beside the repository, or set GONGBAO_GAZETTES.");

    /// <summary>Path of one sample file by name, e.g. <c>2024-31.txt</c>.</summary>
    public static string File(string name) => Path.Combine(Locate(), name);
}
