using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>
/// Writes spans as one OTLP/JSON <c>TracesData</c> object on a single line, as the OpenTelemetry
/// Collector's file exporter does: camelCase names, hex ids, 64-bit integers as decimal strings,
/// enums as numbers, default values left out.
/// </summary>
internal static class OtlpJsonEncoder
{
    // Relaxed escaping keeps non-ASCII test names readable in the file; control characters,
    // including line breaks, are still escaped, so an object never spans two lines.
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Writes one <c>TracesData</c> object (without a line break) to <paramref name="output"/>.</summary>
    public static void Write(IBufferWriter<byte> output, IReadOnlyList<SpanAttribute> resource,
        IReadOnlyList<SpanData> spans)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        WriteTracesData(writer, resource, spans);
        writer.Flush();
    }

    /// <summary>Writes one <c>TracesData</c> object (without a line break) to <paramref name="output"/>.</summary>
    public static void Write(Stream output, IReadOnlyList<SpanAttribute> resource, IReadOnlyList<SpanData> spans)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        WriteTracesData(writer, resource, spans);
        writer.Flush();
    }

    /// <summary>Writes one <c>TracesData</c> object with an existing writer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteTracesData(Utf8JsonWriter writer, IReadOnlyList<SpanAttribute> resource,
        IReadOnlyList<SpanData> spans)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(resource);
        WriteTracesData(writer, resource.Count > 0 ? EncodeResource(resource) : null, spans);
    }

    /// <summary>
    /// The <c>Resource</c> object of <paramref name="resource"/>, to be written again and again
    /// by <see cref="Write(IBufferWriter{byte}, byte[], IReadOnlyList{SpanData})"/> without encoding it each time.
    /// </summary>
    internal static byte[] EncodeResource(IReadOnlyList<SpanAttribute> resource)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            OtlpJsonAttributeWriter.WriteAttributes(writer, resource);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Writes one <c>TracesData</c> object with a resource from <see cref="EncodeResource"/> (null:
    /// none): by hand when every string of the line is plain (<see cref="FlatTracesJson"/>),
    /// else with the writer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Write(IBufferWriter<byte> output, byte[]? encodedResource, IReadOnlyList<SpanData> spans)
    {
        if (!FlatTracesJson.TryWrite(output, encodedResource, spans))
        {
            WriteWithWriter(output, encodedResource, spans);
        }
    }

    /// <summary>What <see cref="Write(IBufferWriter{byte}, byte[], IReadOnlyList{SpanData})"/> writes, always with the writer.</summary>
    internal static void WriteWithWriter(IBufferWriter<byte> output, byte[]? encodedResource, IReadOnlyList<SpanData> spans)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        WriteTracesData(writer, encodedResource, spans);
        writer.Flush();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteTracesData(Utf8JsonWriter writer, byte[]? encodedResource, IReadOnlyList<SpanData> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        writer.WriteStartObject();
        writer.WriteStartArray("resourceSpans"u8);
        writer.WriteStartObject();
        if (encodedResource is not null)
        {
            writer.WritePropertyName("resource"u8);
            // Written by this class a moment ago: validating it again would cost what caching saves.
            writer.WriteRawValue(encodedResource, skipInputValidation: true);
        }

        writer.WriteStartArray("scopeSpans"u8);
        foreach (var group in SpanScopeGroup.GroupByScope(spans))
        {
            WriteScopeSpans(writer, group);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteScopeSpans(Utf8JsonWriter writer, SpanScopeGroup group)
    {
        writer.WriteStartObject();
        if (group.Name.Length > 0 || !string.IsNullOrEmpty(group.Version))
        {
            writer.WriteStartObject("scope"u8);
            WriteStringIfAny(writer, "name"u8, group.Name);
            WriteStringIfAny(writer, "version"u8, group.Version);
            writer.WriteEndObject();
        }

        writer.WriteStartArray("spans"u8);
        foreach (var span in group.Spans)
        {
            WriteSpan(writer, span);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteSpan(Utf8JsonWriter writer, SpanData span)
    {
        writer.WriteStartObject();
        WriteId(writer, "traceId"u8, span.TraceId, HexId.TraceIdBytes);
        WriteId(writer, "spanId"u8, span.SpanId, HexId.SpanIdBytes);
        WriteId(writer, "parentSpanId"u8, span.ParentSpanId, HexId.SpanIdBytes);
        writer.WriteString("name"u8, span.Name);
        if (span.Kind != SpanKind.Unspecified)
        {
            writer.WriteNumber("kind"u8, (int)span.Kind);
        }

        WriteUInt64String(writer, "startTimeUnixNano"u8, (ulong)span.StartTimeUnixNano);
        WriteUInt64String(writer, "endTimeUnixNano"u8, (ulong)span.EndTimeUnixNano);
        OtlpJsonAttributeWriter.WriteAttributes(writer, span.Attributes);
        if (span.Events.Count > 0)
        {
            writer.WriteStartArray("events"u8);
            foreach (var spanEvent in span.Events)
            {
                writer.WriteStartObject();
                WriteUInt64String(writer, "timeUnixNano"u8, (ulong)spanEvent.TimeUnixNano);
                writer.WriteString("name"u8, spanEvent.Name);
                OtlpJsonAttributeWriter.WriteAttributes(writer, spanEvent.Attributes);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (span.Links.Count > 0)
        {
            writer.WriteStartArray("links"u8);
            foreach (var link in span.Links)
            {
                writer.WriteStartObject();
                WriteId(writer, "traceId"u8, link.TraceId, HexId.TraceIdBytes);
                WriteId(writer, "spanId"u8, link.SpanId, HexId.SpanIdBytes);
                OtlpJsonAttributeWriter.WriteAttributes(writer, link.Attributes);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (span.StatusCode != SpanStatusCode.Unset || !string.IsNullOrEmpty(span.StatusMessage))
        {
            writer.WriteStartObject("status"u8);
            WriteStringIfAny(writer, "message"u8, span.StatusMessage);
            if (span.StatusCode != SpanStatusCode.Unset)
            {
                writer.WriteNumber("code"u8, (int)span.StatusCode);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes an id as the protobuf encoder does: left out unless it is valid hex of the right length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void WriteId(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? hex, int byteLength)
    {
        if (HexId.IsValid(hex, byteLength))
        {
            writer.WriteString(name, hex);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteStringIfAny(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>The protobuf JSON mapping writes 64-bit integers as strings: JavaScript doubles cannot hold them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void WriteUInt64String(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ulong value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out var length);
        writer.WriteString(name, digits[..length]);
    }
}
