using OpenTelemetry.Proto.Collector.Trace.V1;

namespace FlakyCollector.Testing;

/// <summary>One export request the receiver accepted.</summary>
/// <param name="Protocol"><c>grpc</c> or <c>http/protobuf</c>.</param>
/// <param name="Request">The request, decoded with the classes generated from the official .proto files.</param>
/// <param name="Headers">The request headers, names in lower case, repeated values joined with ", ".</param>
/// <param name="BodyLength">Bytes of the protobuf message (without the gRPC frame header).</param>
public sealed record ReceivedExport(string Protocol, ExportTraceServiceRequest Request,
    IReadOnlyDictionary<string, string> Headers, int BodyLength)
{
    /// <summary>Spans in the request, all resources and scopes together.</summary>
    public int SpanCount => Request.ResourceSpans.Sum(r => r.ScopeSpans.Sum(s => s.Spans.Count));
}
