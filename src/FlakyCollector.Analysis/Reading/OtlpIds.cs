using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text.Json;

namespace FlakyCollector.Analysis.Reading;

/// <summary>
/// Reads trace and span ids: lower- or upper-case hex as OTLP/JSON specifies, and base64 as the
/// generic protobuf JSON mapping would write them, so files from either kind of writer group alike.
/// </summary>
internal static class OtlpIds
{
    public static UInt128 ReadTraceId(ref OtlpJsonScanner reader)
    {
        var text = StringBytes(ref reader);
        if (text.IsEmpty)
        {
            return UInt128.Zero;
        }

        if (text.Length == 32 && TryParseHex(text[..16], out var high) && TryParseHex(text[16..], out var low))
        {
            return new UInt128(high, low);
        }

        Span<byte> bytes = stackalloc byte[18];
        if (Base64.DecodeFromUtf8(text, bytes, out _, out var written) == System.Buffers.OperationStatus.Done && written == 16)
        {
            return BinaryPrimitives.ReadUInt128BigEndian(bytes);
        }

        throw new InvalidOtlpException("traceId is neither 32 hex digits nor base64 of 16 bytes");
    }

    public static ulong ReadSpanId(ref OtlpJsonScanner reader)
    {
        var text = StringBytes(ref reader);
        if (text.IsEmpty)
        {
            return 0;
        }

        if (text.Length == 16 && TryParseHex(text, out var hex))
        {
            return hex;
        }

        Span<byte> bytes = stackalloc byte[9];
        if (Base64.DecodeFromUtf8(text, bytes, out _, out var written) == System.Buffers.OperationStatus.Done && written == 8)
        {
            return BinaryPrimitives.ReadUInt64BigEndian(bytes);
        }

        throw new InvalidOtlpException("spanId is neither 16 hex digits nor base64 of 8 bytes");
    }

    // Hand-rolled with a table: the general number parser costs several times more, and every
    // span has two or three ids.
    private static bool TryParseHex(ReadOnlySpan<byte> text, out ulong value)
    {
        var digits = HexDigits;
        ulong result = 0;
        var invalid = false;
        foreach (var c in text)
        {
            int digit = digits[c];
            invalid |= digit < 0;
            result = (result << 4) | (uint)(digit & 0xF);
        }

        value = result;
        return !invalid;
    }

    // -1 for anything that is not a hex digit.
    private static ReadOnlySpan<sbyte> HexDigits =>
    [
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1, -1, -1, -1, -1, -1,
        -1, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    ];

    private static ReadOnlySpan<byte> StringBytes(ref OtlpJsonScanner reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            throw new InvalidOtlpException("ids must be JSON strings");
        }

        return reader.ValueSpan;
    }
}
