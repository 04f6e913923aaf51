namespace FlakyCollector.Configuration;

/// <summary>
/// The names users write: the collector's friendly name, run settings elements, and the
/// environment variables FlakyTrace reads or sets. Every front end takes them from here.
/// </summary>
internal static class SettingNames
{
    /// <summary>The collector's name: <c>--collect FlakyTrace</c>, the run settings' <c>friendlyName</c>, the logger's name.</summary>
    public const string FriendlyName = "FlakyTrace";

    public const string LoggerUri = "logger://FlakyTrace/v1";

    public const string DataCollectorUri = "datacollector://FlakyTrace/v1";

    public const string Endpoint = "Endpoint";
    public const string Protocol = "Protocol";
    public const string Headers = "Headers";
    public const string ServiceName = "ServiceName";
    public const string ResourceAttributes = "ResourceAttributes";
    public const string ActivitySources = "ActivitySources";
    public const string ExportTimeout = "ExportTimeout";
    public const string OutputDirectory = "OutputDirectory";
    public const string Enabled = "Enabled";
    public const string SampleRatio = "SampleRatio";
    public const string Logs = "Logs";

    /// <summary>A quarantine file (<c>flakytrace quarantine</c>): the tests it lists get <c>flakytrace.quarantined=true</c>.</summary>
    public const string Quarantine = "Quarantine";

    /// <summary>Written by the package's .targets: one id per <c>dotnet test</c> invocation.</summary>
    public const string TestRunId = "TestRunId";

    /// <summary>Elements the package's .targets or vstest itself add to the configuration: not the user's, never warned about.</summary>
    public static readonly IReadOnlyList<string> WrittenByTooling = [TestRunId, "Framework", "TargetFramework", "TestRunDirectory", Repro.ReproSettingNames.Repro];

    public static readonly IReadOnlyList<string> UserElements =
        [Endpoint, Protocol, Headers, ServiceName, ResourceAttributes, ActivitySources, ExportTimeout, OutputDirectory, Enabled, SampleRatio, Quarantine, Logs];

    public const string EnvEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string EnvTracesEndpoint = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    public const string EnvLogsEndpoint = "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT";
    public const string EnvProtocol = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string EnvTracesProtocol = "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL";
    public const string EnvHeaders = "OTEL_EXPORTER_OTLP_HEADERS";
    public const string EnvTracesHeaders = "OTEL_EXPORTER_OTLP_TRACES_HEADERS";
    public const string EnvTimeout = "OTEL_EXPORTER_OTLP_TIMEOUT";
    public const string EnvTracesTimeout = "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT";
    public const string EnvServiceName = "OTEL_SERVICE_NAME";
    public const string EnvResourceAttributes = "OTEL_RESOURCE_ATTRIBUTES";
    public const string EnvSdkDisabled = "OTEL_SDK_DISABLED";
    public const string EnvSampler = "OTEL_TRACES_SAMPLER";
    public const string EnvSamplerArg = "OTEL_TRACES_SAMPLER_ARG";

    /// <summary>Set to <c>off</c>, apps tested in memory are not followed.</summary>
    public const string EnvAppHosts = "FLAKYTRACE_APP_HOSTS";

    /// <summary>The recording channel's folder; set by the logger, inherited by the test processes vstest starts.</summary>
    public const string EnvRecordingChannel = "FLAKYTRACE_RECORDING_CHANNEL";

    /// <summary>The extra ActivitySources for the channel's test processes, as the run settings name them.</summary>
    public const string EnvChannelSources = "FLAKYTRACE_ACTIVITY_SOURCES";

    /// <summary>The id <c>dotnet test</c> gives each platform application it starts: the run's <c>test.run.id</c> there.</summary>
    public const string EnvPlatformExecutionId = "TESTINGPLATFORM_DOTNETTEST_EXECUTIONID";

    public const string ProtocolGrpc = "grpc";
    public const string ProtocolHttpProtobuf = "http/protobuf";
}
