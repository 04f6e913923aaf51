using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace FlakyCollector.Export;

/// <summary>
/// JSON bytes put together by hand, for text that needs no escaping: the caller writes the
/// punctuation, this keeps the bytes and grows. One per thread is reused line after line.
/// </summary>
internal sealed class RawJsonBuffer
{
    private byte[] bytes = new byte[4096];

    public int Length { get; private set; }

    public int Capacity => bytes.Length;

    public ReadOnlySpan<byte> Written => bytes.AsSpan(0, Length);

    public void Clear() => Length = 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(ReadOnlySpan<byte> raw)
    {
        Reserve(raw.Length);
        raw.CopyTo(bytes.AsSpan(Length));
        Length += raw.Length;
    }

    /// <summary>
    /// Appends <c>"text"</c>; false, with nothing appended, when the text would need escaping, or
    /// is null where the model promised a string (the writer spells that <c>null</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAppendString(string? text)
    {
        if (text is null)
        {
            return false;
        }

        Reserve(text.Length + 2);
        bytes[Length] = (byte)'"';
        if (!PlainJsonText.TryCopy(text, bytes.AsSpan(Length + 1)))
        {
            return false;
        }

        Length += text.Length + 1;
        bytes[Length++] = (byte)'"';
        return true;
    }

    /// <summary>Appends a 64-bit integer as a quoted decimal, as the protobuf JSON mapping spells one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendQuoted(ulong value)
    {
        Utf8Formatter.TryFormat(value, OpenQuote(), out var written);
        CloseQuote(written);
    }

    /// <inheritdoc cref="AppendQuoted(ulong)"/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendQuoted(long value)
    {
        Utf8Formatter.TryFormat(value, OpenQuote(), out var written);
        CloseQuote(written);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(int value)
    {
        Reserve(11);
        Utf8Formatter.TryFormat(value, bytes.AsSpan(Length), out var written);
        Length += written;
    }

    /// <summary>Opens a quoted number: the room for its digits (a 64-bit integer's 20 and a sign).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Span<byte> OpenQuote()
    {
        Reserve(23);
        bytes[Length++] = (byte)'"';
        return bytes.AsSpan(Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CloseQuote(int digits)
    {
        Length += digits;
        bytes[Length++] = (byte)'"';
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Reserve(int count)
    {
        if (Length + count > bytes.Length)
        {
            Array.Resize(ref bytes, Math.Max(bytes.Length * 2, Length + count));
        }
    }
}
