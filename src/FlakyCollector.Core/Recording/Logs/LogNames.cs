namespace FlakyCollector.Recording.Logs;

/// <summary>Names of log records and of the test span attributes that speak of them; the analysis restates the ones it reads.</summary>
internal static class LogNames
{
    /// <summary>Attribute of a log record: the message template, as <c>ILogger</c> gives it (<c>{OriginalFormat}</c>).</summary>
    public const string TemplateAttribute = "log.record.template";

    /// <summary>Attribute of a log record: <c>ilogger</c>, <c>stdout</c> or <c>stderr</c>.</summary>
    public const string OriginAttribute = "flakytrace.log.origin";

    /// <summary>Attribute of the test span: log records of the test dropped beyond the per-test bound.</summary>
    public const string DroppedAttribute = "flakytrace.logs.dropped";

    /// <summary>The scope of the records made from what the test wrote to its output.</summary>
    public const string TestOutputScope = "FlakyTrace.TestOutput";

    public const string ILoggerOrigin = "ilogger";
    public const string StdoutOrigin = "stdout";
    public const string StderrOrigin = "stderr";

    public const int DefaultMaxRecords = 200;
    public const int DefaultMaxBytes = 64 * 1024;
}
