using System.Runtime.CompilerServices;

namespace FlakyCollector.Export;

/// <summary>Trace and span ids travel as hex in the span model and OTLP/JSON, as raw bytes in protobuf.</summary>
internal static class HexId
{
    public const int TraceIdBytes = 16;
    public const int SpanIdBytes = 8;

    /// <summary>
    /// True for exactly <paramref name="byteLength"/> bytes of hex digits (either case). Receivers
    /// such as the OpenTelemetry Collector reject a whole request or file line over one id of
    /// the wrong length, so such ids are left out instead, which only invalidates their span.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsValid(string? hex, int byteLength)
    {
        if (hex is null || hex.Length != 2 * byteLength)
        {
            return false;
        }

        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Decodes a string <see cref="IsValid"/> accepted; no allocation, unlike <see cref="Convert.FromHexString(string)"/>.</summary>
    public static void Decode(string hex, Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = (byte)((Nibble(hex[2 * i]) << 4) | Nibble(hex[(2 * i) + 1]));
        }
    }

    private static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => c - 'A' + 10,
    };
}
