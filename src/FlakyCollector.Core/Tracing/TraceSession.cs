using FlakyCollector.Configuration;

namespace FlakyCollector.Tracing;

/// <summary>
/// The one way into the core. Every front end (the logger, the out-of-process collector, the
/// platform extension, the testhost's collector) reads its settings here, once, with the same
/// precedence and the same warnings, and the ones that write traces get their tracer here.
/// </summary>
internal static class TraceSession
{
    /// <summary>
    /// The settings, or null when tracing is switched off. Each warning goes to <paramref name="report"/>;
    /// null leaves them to the front end that reports for this run (the testhost's collector reads
    /// the configuration the logger reports on).
    /// </summary>
    public static FlakyTraceSettings? ReadSettings(IReadOnlyDictionary<string, string> runSettings, Func<string, string?> environment, IRunReport? report)
    {
        var reader = new SettingsReader(runSettings, environment);
        var settings = reader.Read();
        foreach (var warning in reader.Warnings)
        {
            report?.Warning(warning);
        }

        return settings.Enabled ? settings : null;
    }

    /// <summary>A running tracer, or null when tracing is switched off.</summary>
    public static TestRunTracer? Start(TraceSessionOptions options)
    {
        var settings = ReadSettings(options.RunSettings, options.Environment, options.Report);
        return settings is null
            ? null
            : new TestRunTracer(options.FrontEndDefaults(settings), options.ResultsDirectory(), options.Report, options.CreateExporter, options.Environment, options.FileWriteBehind);
    }
}
