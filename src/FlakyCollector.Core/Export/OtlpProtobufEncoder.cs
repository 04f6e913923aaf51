using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>
/// Encodes spans as an OTLP <c>ExportTraceServiceRequest</c> in the protobuf wire format
/// (opentelemetry-proto <c>collector/trace/v1</c>), without any protobuf library: the collector
/// runs inside vstest processes, where every extra assembly is a liability.
/// </summary>
internal static class OtlpProtobufEncoder
{
    /// <summary>Encodes one request holding all <paramref name="spans"/> under one resource.</summary>
    public static byte[] Encode(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<SpanData> spans)
    {
        var request = MeasuredExportRequest.Measure(resource, spans);
        var bytes = new byte[request.Size];
        request.WriteTo(bytes, 0);
        return bytes;
    }

    /// <summary>
    /// The one walk over the data. It runs once to measure and once to write, so the two passes
    /// cannot drift apart: every call here must depend only on its inputs.
    /// </summary>
    internal static void WriteRequest(ProtobufMessageWriter writer, IReadOnlyList<SpanAttribute> resource,
        List<SpanScopeGroup> groups)
    {
        writer.StartMessage(1); // ExportTraceServiceRequest.resource_spans
        if (resource.Count > 0)
        {
            writer.StartMessage(1); // ResourceSpans.resource
            WriteAttributes(writer, 1, resource); // Resource.attributes
            writer.EndMessage();
        }

        foreach (var group in groups)
        {
            writer.StartMessage(2); // ResourceSpans.scope_spans
            if (group.Name.Length > 0 || !string.IsNullOrEmpty(group.Version))
            {
                writer.StartMessage(1); // ScopeSpans.scope
                writer.OptionalString(1, group.Name); // InstrumentationScope.name
                writer.OptionalString(2, group.Version); // InstrumentationScope.version
                writer.EndMessage();
            }

            foreach (var span in group.Spans)
            {
                writer.StartMessage(2); // ScopeSpans.spans
                WriteSpan(writer, span);
                writer.EndMessage();
            }

            writer.EndMessage();
        }

        writer.EndMessage();
    }

    private static void WriteSpan(ProtobufMessageWriter writer, SpanData span)
    {
        writer.HexBytes(1, span.TraceId, HexId.TraceIdBytes);
        writer.HexBytes(2, span.SpanId, HexId.SpanIdBytes);
        writer.HexBytes(4, span.ParentSpanId, HexId.SpanIdBytes);
        writer.OptionalString(5, span.Name);
        if (span.Kind != SpanKind.Unspecified)
        {
            writer.Varint(6, (int)span.Kind);
        }

        writer.Fixed64(7, (ulong)span.StartTimeUnixNano);
        writer.Fixed64(8, (ulong)span.EndTimeUnixNano);
        WriteAttributes(writer, 9, span.Attributes);
        foreach (var spanEvent in span.Events)
        {
            writer.StartMessage(11); // Span.events
            writer.Fixed64(1, (ulong)spanEvent.TimeUnixNano);
            writer.OptionalString(2, spanEvent.Name);
            WriteAttributes(writer, 3, spanEvent.Attributes);
            writer.EndMessage();
        }

        foreach (var link in span.Links)
        {
            writer.StartMessage(13); // Span.links
            writer.HexBytes(1, link.TraceId, HexId.TraceIdBytes);
            writer.HexBytes(2, link.SpanId, HexId.SpanIdBytes);
            WriteAttributes(writer, 4, link.Attributes);
            writer.EndMessage();
        }

        if (span.StatusCode != SpanStatusCode.Unset || !string.IsNullOrEmpty(span.StatusMessage))
        {
            writer.StartMessage(15); // Span.status
            writer.OptionalString(2, span.StatusMessage);
            if (span.StatusCode != SpanStatusCode.Unset)
            {
                writer.Varint(3, (int)span.StatusCode);
            }

            writer.EndMessage();
        }
    }

    internal static void WriteAttributes(ProtobufMessageWriter writer, int field, IReadOnlyList<SpanAttribute>? attributes)
    {
        if (attributes is null)
        {
            return;
        }

        foreach (var attribute in attributes)
        {
            writer.StartMessage(field); // KeyValue
            writer.OptionalString(1, attribute.Key);
            writer.StartMessage(2); // KeyValue.value
            WriteAnyValue(writer, OtlpValue.From(attribute.Value));
            writer.EndMessage();
            writer.EndMessage();
        }
    }

    private static void WriteAnyValue(ProtobufMessageWriter writer, OtlpValue value)
    {
        // AnyValue.value is a oneof: the chosen member is written even when it holds a default.
        switch (value.Kind)
        {
            case OtlpValueKind.String:
                writer.String(1, value.Text!);
                break;
            case OtlpValueKind.Bool:
                writer.Varint(2, value.Boolean ? 1 : 0);
                break;
            case OtlpValueKind.Int:
                writer.Varint(3, value.Integer);
                break;
            case OtlpValueKind.Double:
                writer.Fixed64(4, BitConverter.DoubleToUInt64Bits(value.Real));
                break;
            case OtlpValueKind.Array:
                writer.StartMessage(5); // AnyValue.array_value
                foreach (var item in value.Items!)
                {
                    writer.StartMessage(1); // ArrayValue.values
                    WriteAnyValue(writer, OtlpValue.From(item));
                    writer.EndMessage();
                }

                writer.EndMessage();
                break;
            default:
                break;
        }
    }
}
