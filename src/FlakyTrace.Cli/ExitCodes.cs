namespace FlakyTrace.Cli;

/// <summary>The process exit codes, documented in README.md beside this project and in docs/flakytrace.md.</summary>
internal static class ExitCodes
{
    /// <summary>The analysis ran (flaky tests may have been found; see <see cref="FlakyFound"/>).</summary>
    public const int Success = 0;

    /// <summary>Flaky tests were found and <c>--fail-on-flaky</c> was given.</summary>
    public const int FlakyFound = 1;

    /// <summary><c>gate</c>: a test failed that the history does not know as flaky or broken.</summary>
    public const int NewFailure = 1;

    /// <summary>Bad command line, a path that does not exist, or a file that is not OTLP/JSON (a TRX, gzip, ...), a history or a quarantine file.</summary>
    public const int UsageError = 2;

    /// <summary>The inputs hold no test span at all.</summary>
    public const int NoTestSpans = 3;

    /// <summary><c>hunt</c>: <c>dotnet test</c> could not be started, the build failed, or a run wrote no trace file.</summary>
    public const int HuntFailed = 4;

    /// <summary>An input could not be read, or the output (<c>-o</c>, <c>--report</c>) could not be written.</summary>
    public const int IoError = 5;
}
