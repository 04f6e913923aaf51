using System.Buffers;
using System.Runtime.CompilerServices;
using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>
/// A line of spans whose every string is <see cref="PlainJsonText">plain</see> and whose values
/// are strings, booleans and integers (a passing test's line, nearly always), written by hand:
/// byte for byte what <see cref="OtlpJsonEncoder"/>'s writer writes, without its per-call
/// checks and escaping passes. Anything else (an error's text with line breaks, a double, an
/// array) makes it give up, and the writer writes the line.
/// </summary>
internal static class FlatTracesJson
{
    private const int MaxKeptCapacity = 1 << 20;

    [ThreadStatic]
    private static RawJsonBuffer? cachedBuffer;

    /// <summary>Writes one <c>TracesData</c> object; false, with nothing written, when the line is not flat.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryWrite(IBufferWriter<byte> output, byte[]? encodedResource, IReadOnlyList<SpanData> spans)
    {
        var json = cachedBuffer ??= new RawJsonBuffer();
        json.Clear();
        var flat = TryWriteTracesData(json, encodedResource, spans);
        if (flat)
        {
            output.Write(json.Written);
        }

        if (json.Capacity > MaxKeptCapacity)
        {
            cachedBuffer = null; // do not keep an unusually large line's buffer for the whole run
        }

        return flat;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryWriteTracesData(RawJsonBuffer json, byte[]? encodedResource, IReadOnlyList<SpanData> spans)
    {
        json.Append("{\"resourceSpans\":[{"u8);
        if (encodedResource is not null)
        {
            json.Append("\"resource\":"u8);
            json.Append(encodedResource);
            json.Append(","u8);
        }

        json.Append("\"scopeSpans\":["u8);
        var groups = SpanScopeGroup.GroupByScope(spans);
        for (var i = 0; i < groups.Count; i++)
        {
            if (i > 0)
            {
                json.Append(","u8);
            }

            if (!TryWriteScopeSpans(json, groups[i]))
            {
                return false;
            }
        }

        json.Append("]}]}"u8);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryWriteScopeSpans(RawJsonBuffer json, SpanScopeGroup group)
    {
        json.Append("{"u8);
        var hasName = group.Name.Length > 0;
        var hasVersion = !string.IsNullOrEmpty(group.Version);
        if (hasName || hasVersion)
        {
            json.Append("\"scope\":{"u8);
            if (hasName && !TryWriteString(json, "\"name\":"u8, group.Name))
            {
                return false;
            }

            if (hasVersion && !TryWriteString(json, hasName ? ",\"version\":"u8 : "\"version\":"u8, group.Version!))
            {
                return false;
            }

            json.Append("},"u8);
        }

        json.Append("\"spans\":["u8);
        for (var i = 0; i < group.Spans.Count; i++)
        {
            if (i > 0)
            {
                json.Append(","u8);
            }

            if (!FlatSpanJson.TryWrite(json, group.Spans[i]))
            {
                return false;
            }
        }

        json.Append("]}"u8);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryWriteString(RawJsonBuffer json, ReadOnlySpan<byte> property, string? value)
    {
        json.Append(property);
        return json.TryAppendString(value);
    }
}
