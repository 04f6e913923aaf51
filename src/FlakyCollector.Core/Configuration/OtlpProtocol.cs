namespace FlakyCollector.Configuration;

/// <summary>The OTLP transports the collector can send spans over.</summary>
internal enum OtlpProtocol
{
    Grpc,
    HttpProtobuf,
}
