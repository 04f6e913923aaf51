namespace FlakyCollector.Configuration;

/// <summary>The names users write: run settings elements and OpenTelemetry environment variables.</summary>
public static class SettingNames
{
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

    /// <summary>Written by the package's .targets: one id per <c>dotnet test</c> invocation.</summary>
    public const string TestRunId = "TestRunId";

    /// <summary>Elements the package's .targets or vstest itself add to the configuration: not the user's, never warned about.</summary>
    public static readonly IReadOnlyList<string> WrittenByTooling = [TestRunId, "Framework", "TargetFramework", "TestRunDirectory", Repro.ReproSettingNames.Repro];

    public static readonly IReadOnlyList<string> UserElements =
        [Endpoint, Protocol, Headers, ServiceName, ResourceAttributes, ActivitySources, ExportTimeout, OutputDirectory, Enabled, SampleRatio];

    public const string EnvEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string EnvTracesEndpoint = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
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

    public const string ProtocolGrpc = "grpc";
    public const string ProtocolHttpProtobuf = "http/protobuf";
}
