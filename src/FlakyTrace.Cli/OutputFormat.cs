namespace FlakyTrace.Cli;

/// <summary>Values of <c>--format</c>.</summary>
internal enum OutputFormat
{
    Console,
    Json,
    Markdown,
}
