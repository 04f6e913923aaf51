namespace FlakyTrace.Cli;

/// <summary>The process exit codes documented in docs/flakytrace.md.</summary>
internal static class ExitCodes
{
    /// <summary>The analysis ran (flaky tests may have been found; see <see cref="FlakyFound"/>).</summary>
    public const int Success = 0;

    /// <summary>Flaky tests were found and <c>--fail-on-flaky</c> was given.</summary>
    public const int FlakyFound = 1;

    /// <summary>Bad command line, or a path that does not exist.</summary>
    public const int UsageError = 2;

    /// <summary>The inputs hold no test span at all.</summary>
    public const int NoTestSpans = 3;

    /// <summary><c>hunt</c>: <c>dotnet test</c> could not be started or produced no trace file.</summary>
    public const int HuntFailed = 4;
}
