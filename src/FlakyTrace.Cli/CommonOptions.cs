using System.CommandLine;

namespace FlakyTrace.Cli;

/// <summary>The options that analyze, report and hunt share, built fresh for each command.</summary>
internal static class CommonOptions
{
    public static Argument<string[]> Paths() => new("paths")
    {
        Description = "OTLP/JSON Lines files (.otlp.jsonl, OpenTelemetry Collector file exporter output) or directories to search recursively.",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<OutputFormat> Format() => new("--format", "-f")
    {
        Description = "Output format: console (default), json or markdown (for a CI job summary).",
        DefaultValueFactory = _ => OutputFormat.Console,
    };

    public static Option<bool> FailOnFlaky() => new("--fail-on-flaky")
    {
        Description = "Exit with code 1 when at least one flaky test is found.",
    };

    public static Option<bool> All() => new("--all")
    {
        Description = "List every test, not only the flaky and failing ones (console and markdown).",
    };

    public static Option<FileInfo?> Output(string description) => new("--output", "-o")
    {
        Description = description,
    };
}
