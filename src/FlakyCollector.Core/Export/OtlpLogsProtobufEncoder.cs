using FlakyCollector.Recording.Logs;
using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>
/// Encodes log records as an OTLP <c>ExportLogsServiceRequest</c> (opentelemetry-proto
/// <c>collector/logs/v1</c>) in the protobuf wire format, with the same writer as the spans:
/// one walk to measure, the same walk to write.
/// </summary>
internal sealed class OtlpLogsProtobufEncoder : IExportBody
{
    private readonly ProtobufMessageWriter writer = new();
    private readonly IReadOnlyList<SpanAttribute> resource;
    private readonly List<IGrouping<string, LogRecordData>> scopes;

    public OtlpLogsProtobufEncoder(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<LogRecordData> records)
    {
        this.resource = resource;
        scopes = [.. records.GroupBy(r => r.Category, StringComparer.Ordinal)];
        writer.BeginMeasure();
        Write();
        Size = writer.EndMeasure();
    }

    public int Size { get; }

    public static byte[] Encode(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<LogRecordData> records)
    {
        var request = new OtlpLogsProtobufEncoder(resource, records);
        var bytes = new byte[request.Size];
        request.WriteTo(bytes, 0);
        return bytes;
    }

    public void WriteTo(byte[] destination, int offset)
    {
        writer.BeginWrite(destination, offset);
        Write();
        if (writer.EndWrite() != offset + Size)
        {
            throw new InvalidOperationException("Protobuf request size changed between measuring and writing.");
        }
    }

    private void Write()
    {
        writer.StartMessage(1); // ExportLogsServiceRequest.resource_logs
        if (resource.Count > 0)
        {
            writer.StartMessage(1); // ResourceLogs.resource
            OtlpProtobufEncoder.WriteAttributes(writer, 1, resource);
            writer.EndMessage();
        }

        foreach (var scope in scopes)
        {
            writer.StartMessage(2); // ResourceLogs.scope_logs
            writer.StartMessage(1); // ScopeLogs.scope
            writer.OptionalString(1, scope.Key);
            writer.EndMessage();
            foreach (var record in scope)
            {
                writer.StartMessage(2); // ScopeLogs.log_records
                WriteRecord(record);
                writer.EndMessage();
            }

            writer.EndMessage();
        }

        writer.EndMessage();
    }

    private void WriteRecord(LogRecordData record)
    {
        writer.Fixed64(1, (ulong)record.TimeUnixNano);
        if (record.SeverityNumber > 0)
        {
            writer.Varint(2, record.SeverityNumber);
        }

        writer.OptionalString(3, record.SeverityText);
        writer.StartMessage(5); // LogRecord.body
        writer.String(1, record.Body);
        writer.EndMessage();
        OtlpProtobufEncoder.WriteAttributes(writer, 6, OtlpJsonLogEncoder.Attributes(record));
        writer.HexBytes(9, record.TraceId, HexId.TraceIdBytes);
        writer.HexBytes(10, record.SpanId, HexId.SpanIdBytes);
        writer.Fixed64(11, (ulong)record.TimeUnixNano);
    }
}
