using FlakyCollector.Configuration;

namespace FlakyCollector.Export;

/// <summary>Creates the exporter the settings ask for, or none for file output only.</summary>
internal static class OtlpExporterFactory
{
    public static ITraceExporter? Create(FlakyTraceSettings settings)
    {
        if (settings.TracesEndpoint is null)
        {
            return null;
        }

        var exporterSettings = new OtlpExporterSettings
        {
            Endpoint = settings.TracesEndpoint,
            Headers = settings.Headers,
            Timeout = settings.ExportTimeout,
        };
        return settings.Protocol == OtlpProtocol.HttpProtobuf
            ? new OtlpHttpProtobufExporter(exporterSettings)
            : new OtlpGrpcExporter(exporterSettings);
    }
}
