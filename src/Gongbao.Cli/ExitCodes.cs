namespace Gongbao.Cli;

/// <summary>Process exit codes, listed in <c>gongbao --help</c>.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>One or more inputs could not be used (unreadable, unparseable, not found); the others were processed.</summary>
    public const int InputFailed = 1;

    /// <summary>Invalid command line.</summary>
    public const int Usage = 2;

    /// <summary>The issue, document or provision asked for is not in the store.</summary>
    public const int NotFound = 3;

    /// <summary>The store could not be opened, read or written, or another unexpected error.</summary>
    public const int StoreError = 4;

    public const string HelpText =
        "Exit codes: 0 success; 1 some input failed (the rest was processed, failed files leave the store unchanged); " +
        "2 invalid usage; 3 not found in the store; 4 store or unexpected error.";
}
