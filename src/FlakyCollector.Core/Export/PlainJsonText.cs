using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace FlakyCollector.Export;

/// <summary>
/// Text the encoder's JSON writer leaves exactly as it is: printable ASCII it does not escape
/// (most names, paths, ids and outcomes). Which characters those are is asked of the writer
/// itself, with the encoder's own options, so a string copied as it is here is byte for byte
/// what the writer would have written.
/// </summary>
internal static class PlainJsonText
{
    // A table, not SearchValues: the platform's test process keeps generic BCL code at tier 0
    // (it compiles a new test method every few hundred microseconds), and SearchValues' searcher
    // is such code, while this loop is compiled optimised once.
    private static readonly bool[] Plain = PlainCharacters();

    /// <summary>True when every character of <paramref name="text"/> is written as the byte it is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsPlain(ReadOnlySpan<char> text)
    {
        var plain = Plain;
        foreach (var c in text)
        {
            if (c >= (uint)plain.Length || !plain[c])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Copies <paramref name="text"/> into <paramref name="destination"/> (at least as long), one
    /// byte a character; false at the first character that is not plain, the copy then unfinished.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryCopy(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var plain = Plain;
        destination = destination[..text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= (uint)plain.Length || !plain[c])
            {
                return false;
            }

            destination[i] = (byte)c;
        }

        return true;
    }

    private static bool[] PlainCharacters()
    {
        var plain = new bool[128];
        var buffer = new ArrayBufferWriter<byte>(8);
        for (var c = ' '; c < 127; c++)
        {
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer, OtlpJsonEncoder.WriterOptions))
            {
                writer.WriteStringValue(c.ToString());
            }

            plain[c] = buffer.WrittenSpan.SequenceEqual(new byte[] { (byte)'"', (byte)c, (byte)'"' });
        }

        return plain;
    }
}
