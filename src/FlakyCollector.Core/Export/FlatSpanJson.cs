using System.Runtime.CompilerServices;
using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>
/// One OTLP/JSON <c>Span</c> for <see cref="FlatTracesJson"/>, in the writer's property order and
/// with its rules: ids left out unless valid, defaults left out, 64-bit integers as quoted
/// decimals, enums as numbers.
/// </summary>
internal static class FlatSpanJson
{
    /// <summary>Appends the span; false when some text or value of it is not flat (the line is then given up).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryWrite(RawJsonBuffer json, SpanData span)
    {
        // A failed test's message has line breaks, and it comes last: look first, rather than
        // give up after writing the rest.
        if (!string.IsNullOrEmpty(span.StatusMessage) && !PlainJsonText.IsPlain(span.StatusMessage))
        {
            return false;
        }

        json.Append("{"u8);
        // Ids are hex when valid, so plain; the name that follows is always written, so each
        // id carries its comma.
        WriteIdIfValid(json, "\"traceId\":"u8, span.TraceId, HexId.TraceIdBytes);
        WriteIdIfValid(json, "\"spanId\":"u8, span.SpanId, HexId.SpanIdBytes);
        WriteIdIfValid(json, "\"parentSpanId\":"u8, span.ParentSpanId, HexId.SpanIdBytes);
        if (!FlatTracesJson.TryWriteString(json, "\"name\":"u8, span.Name))
        {
            return false;
        }

        if (span.Kind != SpanKind.Unspecified)
        {
            json.Append(",\"kind\":"u8);
            json.Append((int)span.Kind);
        }

        json.Append(",\"startTimeUnixNano\":"u8);
        json.AppendQuoted((ulong)span.StartTimeUnixNano);
        json.Append(",\"endTimeUnixNano\":"u8);
        json.AppendQuoted((ulong)span.EndTimeUnixNano);
        if (!TryWriteAttributes(json, ",\"attributes\":["u8, span.Attributes)
            || !TryWriteEvents(json, span.Events)
            || !TryWriteLinks(json, span.Links))
        {
            return false;
        }

        if (span.StatusCode != SpanStatusCode.Unset || !string.IsNullOrEmpty(span.StatusMessage))
        {
            json.Append(",\"status\":{"u8);
            var hasMessage = !string.IsNullOrEmpty(span.StatusMessage);
            if (hasMessage && !FlatTracesJson.TryWriteString(json, "\"message\":"u8, span.StatusMessage!))
            {
                return false;
            }

            if (span.StatusCode != SpanStatusCode.Unset)
            {
                json.Append(hasMessage ? ",\"code\":"u8 : "\"code\":"u8);
                json.Append((int)span.StatusCode);
            }

            json.Append("}"u8);
        }

        json.Append("}"u8);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryWriteEvents(RawJsonBuffer json, IReadOnlyList<SpanEventData> events)
    {
        if (events.Count == 0)
        {
            return true;
        }

        json.Append(",\"events\":["u8);
        for (var i = 0; i < events.Count; i++)
        {
            var spanEvent = events[i];
            json.Append(i > 0 ? ",{\"timeUnixNano\":"u8 : "{\"timeUnixNano\":"u8);
            json.AppendQuoted((ulong)spanEvent.TimeUnixNano);
            if (!FlatTracesJson.TryWriteString(json, ",\"name\":"u8, spanEvent.Name)
                || !TryWriteAttributes(json, ",\"attributes\":["u8, spanEvent.Attributes))
            {
                return false;
            }

            json.Append("}"u8);
        }

        json.Append("]"u8);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryWriteLinks(RawJsonBuffer json, IReadOnlyList<SpanLinkData> links)
    {
        if (links.Count == 0)
        {
            return true;
        }

        json.Append(",\"links\":["u8);
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            json.Append(i > 0 ? ",{"u8 : "{"u8);
            var hasTrace = HexId.IsValid(link.TraceId, HexId.TraceIdBytes);
            var hasSpan = HexId.IsValid(link.SpanId, HexId.SpanIdBytes);
            if (hasTrace && !FlatTracesJson.TryWriteString(json, "\"traceId\":"u8, link.TraceId))
            {
                return false;
            }

            if (hasSpan && !FlatTracesJson.TryWriteString(json, hasTrace ? ",\"spanId\":"u8 : "\"spanId\":"u8, link.SpanId))
            {
                return false;
            }

            var opening = hasTrace || hasSpan ? ",\"attributes\":["u8 : "\"attributes\":["u8;
            if (!TryWriteAttributes(json, opening, link.Attributes))
            {
                return false;
            }

            json.Append("}"u8);
        }

        json.Append("]"u8);
        return true;
    }

    /// <summary>Appends <paramref name="opening"/>, the attributes and <c>]</c>; nothing for none (the JSON default).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryWriteAttributes(RawJsonBuffer json, ReadOnlySpan<byte> opening, IReadOnlyList<SpanAttribute>? attributes)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return true;
        }

        json.Append(opening);
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            if (!FlatTracesJson.TryWriteString(json, i > 0 ? ",{\"key\":"u8 : "{\"key\":"u8, attribute.Key ?? string.Empty)
                || !TryWriteValue(json, attribute.Value))
            {
                return false;
            }
        }

        json.Append("]"u8);
        return true;
    }

    /// <summary>
    /// Appends <c>,"value":{...}}</c>. The span model's own kinds are matched here directly;
    /// anything else is classified by <see cref="OtlpValue"/>, as the writer does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryWriteValue(RawJsonBuffer json, object? value)
    {
        switch (value)
        {
            case string text:
                return TryWriteString(json, text);
            case bool flag:
                WriteBoolean(json, flag);
                return true;
            case long number:
                WriteInteger(json, number);
                return true;
        }

        var classified = OtlpValue.From(value);
        switch (classified.Kind)
        {
            case OtlpValueKind.String:
                return TryWriteString(json, classified.Text!);
            case OtlpValueKind.Bool:
                WriteBoolean(json, classified.Boolean);
                return true;
            case OtlpValueKind.Int:
                WriteInteger(json, classified.Integer);
                return true;
            case OtlpValueKind.Double or OtlpValueKind.Array:
                // The writer's number format and nested arrays are left to the writer.
                return false;
            default:
                json.Append(",\"value\":{}}"u8);
                return true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryWriteString(RawJsonBuffer json, string text)
    {
        if (!FlatTracesJson.TryWriteString(json, ",\"value\":{\"stringValue\":"u8, text))
        {
            return false;
        }

        json.Append("}}"u8);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteBoolean(RawJsonBuffer json, bool flag) =>
        json.Append(flag ? ",\"value\":{\"boolValue\":true}}"u8 : ",\"value\":{\"boolValue\":false}}"u8);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteInteger(RawJsonBuffer json, long number)
    {
        json.Append(",\"value\":{\"intValue\":"u8);
        json.AppendQuoted(number);
        json.Append("}}"u8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteIdIfValid(RawJsonBuffer json, ReadOnlySpan<byte> property, string? hex, int byteLength)
    {
        if (HexId.IsValid(hex, byteLength))
        {
            json.Append(property);
            json.TryAppendString(hex!);
            json.Append(","u8);
        }
    }
}
