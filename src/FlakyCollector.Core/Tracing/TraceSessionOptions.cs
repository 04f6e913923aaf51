using FlakyCollector.Configuration;
using FlakyCollector.Export;

namespace FlakyCollector.Tracing;

/// <summary>What a front end hands <see cref="TraceSession.Start"/>: its narrow view of the run.</summary>
internal sealed record TraceSessionOptions
{
    /// <summary>The FlakyTrace configuration, element name to text.</summary>
    public required IReadOnlyDictionary<string, string> RunSettings { get; init; }

    public required Func<string, string?> Environment { get; init; }

    /// <summary>Where the user sees warnings and the trace file's path.</summary>
    public required IRunReport Report { get; init; }

    /// <summary>The run's results directory; asked only when tracing is on.</summary>
    public required Func<string> ResultsDirectory { get; init; }

    /// <summary>What the front end fills in that the user did not set (a run id, a place for the file).</summary>
    public Func<FlakyTraceSettings, FlakyTraceSettings> FrontEndDefaults { get; init; } = settings => settings;

    public Func<FlakyTraceSettings, ITraceExporter?> CreateExporter { get; init; } = OtlpExporterFactory.Create;

    /// <summary>
    /// How long a test's line may wait to be written with the next ones. Zero (the default) writes
    /// each at once: a process that runs tests may crash. A front end in a process of its own
    /// (vstest.console's logger) gathers them.
    /// </summary>
    public TimeSpan FileWriteBehind { get; init; }
}
