namespace FlakyCollector.Configuration;

/// <summary>The collector's settings after run settings, <c>OTEL_*</c> variables and defaults were merged.</summary>
internal sealed record FlakyTraceSettings
{
    public static readonly TimeSpan DefaultExportTimeout = TimeSpan.FromSeconds(5);

    public bool Enabled { get; init; } = true;

    /// <summary>The URL spans are sent to, complete (for HTTP, with <c>/v1/traces</c>); null: file output only.</summary>
    public Uri? TracesEndpoint { get; init; }

    public OtlpProtocol Protocol { get; init; } = OtlpProtocol.Grpc;

    /// <summary>Request headers for the endpoint. Values may be secrets: never print them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public string? ServiceName { get; init; }

    /// <summary>The ActivitySources the user named; the defaults are recorded besides them.</summary>
    public IReadOnlyList<string> ActivitySources { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> ResourceAttributes { get; init; } = [];

    public TimeSpan ExportTimeout { get; init; } = DefaultExportTimeout;

    /// <summary>Where the <c>.otlp.jsonl</c> file goes; null: the run's results directory.</summary>
    public string? OutputDirectory { get; init; }

    public string? TestRunId { get; init; }

    /// <summary>Share of passing and skipped tests kept, from 0 to 1; failing tests and retries are always kept.</summary>
    public double PassingSampleRatio { get; init; } = 1;

    /// <summary>The quarantine file named by <c>&lt;Quarantine&gt;</c>, as written; null when none.</summary>
    public string? Quarantine { get; init; }

    /// <summary>Whether tests' log records (ILogger, test output) are recorded and written; <c>&lt;Logs&gt;off&lt;/Logs&gt;</c> switches them off.</summary>
    public bool Logs { get; init; } = true;

    /// <summary>Where log records go over OTLP; null without a traces endpoint.</summary>
    public Uri? LogsEndpoint { get; init; }
}
