using System.CommandLine;
using System.CommandLine.Parsing;

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
        HelpName = "console|json|markdown",
        // No DefaultValueFactory: help would print it as the enum spells it; absent means Console (0).
        CustomParser = ParseFormat,
    };

    public static Option<bool> FailOnFlaky() => new("--fail-on-flaky")
    {
        Description = "Exit with code 1 when at least one flaky test is found.",
    };

    public static Option<bool> All() => new("--all")
    {
        Description = "List every test, not only the flaky and failing ones (console and markdown).",
    };

    public static Option<FileInfo?> Repro() => new("--repro")
    {
        Description = "The JSON output of flakytrace repro (--format json): each test repro put to an experiment shows its verdict and rates.",
    };

    public static Option<FileInfo?> Output(string description) => new("--output", "-o")
    {
        Description = description,
    };

    // The values as the docs spell them: the parser's own message names the enum's type and capitalises them.
    private static OutputFormat ParseFormat(ArgumentResult result)
    {
        var value = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        switch (value.ToLowerInvariant())
        {
            case "console":
                return OutputFormat.Console;
            case "json":
                return OutputFormat.Json;
            case "markdown":
                return OutputFormat.Markdown;
            default:
                result.AddError($"--format '{value}' is not known; use console, json or markdown.");
                return OutputFormat.Console;
        }
    }
}
