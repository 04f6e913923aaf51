namespace FlakyCollector.Configuration;

/// <summary>The OTLP transports the collector can send spans over.</summary>
public enum OtlpProtocol
{
    Grpc,
    HttpProtobuf,
}
