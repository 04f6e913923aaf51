using OpenTelemetry.Proto.Collector.Logs.V1;

namespace FlakyCollector.Testing;

/// <summary>One accepted OTLP logs export request, decoded with the classes generated from the official .proto files.</summary>
public sealed record ReceivedLogs(string Protocol, ExportLogsServiceRequest Request, IReadOnlyDictionary<string, string> Headers);
