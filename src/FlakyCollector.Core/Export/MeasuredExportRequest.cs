using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>
/// An <c>ExportTraceServiceRequest</c> whose encoded size is known but which is not written yet:
/// the batcher decides from <see cref="Size"/> whether to split it before any buffer exists.
/// </summary>
internal sealed class MeasuredExportRequest : IExportBody
{
    private readonly ProtobufMessageWriter writer;
    private readonly IReadOnlyList<SpanAttribute> resource;
    private readonly List<SpanScopeGroup> groups;

    private MeasuredExportRequest(ProtobufMessageWriter writer, IReadOnlyList<SpanAttribute> resource,
        List<SpanScopeGroup> groups, int spanCount, int size)
    {
        this.writer = writer;
        this.resource = resource;
        this.groups = groups;
        SpanCount = spanCount;
        Size = size;
    }

    public int Size { get; }

    public int SpanCount { get; }

    public static MeasuredExportRequest Measure(IReadOnlyList<SpanAttribute> resource, IReadOnlyList<SpanData> spans)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(spans);
        var groups = SpanScopeGroup.GroupByScope(spans);
        var writer = new ProtobufMessageWriter();
        writer.BeginMeasure();
        OtlpProtobufEncoder.WriteRequest(writer, resource, groups);
        return new MeasuredExportRequest(writer, resource, groups, spans.Count, writer.EndMeasure());
    }

    /// <summary>Writes the <see cref="Size"/> bytes of the request at <paramref name="offset"/>.</summary>
    public void WriteTo(byte[] destination, int offset)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset + Size, destination.Length);
        writer.BeginWrite(destination, offset);
        OtlpProtobufEncoder.WriteRequest(writer, resource, groups);
        if (writer.EndWrite() != offset + Size)
        {
            throw new InvalidOperationException("Protobuf request size changed between measuring and writing.");
        }
    }
}
