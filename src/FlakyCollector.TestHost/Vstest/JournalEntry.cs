using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace FlakyCollector.Vstest;

/// <summary>
/// One journal entry at a time, a flat JSON object written as UTF-8 into a buffer each thread
/// reuses. A test's start writes one on the test's own path, twice a test where the hook runs,
/// so it is written by hand: names come pre-encoded, and a value of printable ASCII without
/// quotes or backslashes (nearly every test name and path) is copied as it is. Any other value
/// is escaped by <see cref="JsonEncodedText"/>. Whatever parses JSON reads it.
/// </summary>
internal sealed class JournalEntry
{
    // Printable ASCII but '"' and '\': what a JSON string holds unescaped.
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private byte[] bytes = new byte[512];
    private int length;

    /// <summary>Starts a new object, dropping the last one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public JournalEntry Begin()
    {
        length = 0;
        Append("{"u8);
        return this;
    }

    /// <summary>Adds <paramref name="name"/>, given as <c>"name":</c>, and a string value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public JournalEntry String(ReadOnlySpan<byte> name, string value)
    {
        Property(name);
        if (value.AsSpan().IndexOfAnyExcept(Plain) < 0)
        {
            Reserve(value.Length + 2);
            bytes[length++] = (byte)'"';
            length += Encoding.ASCII.GetBytes(value, bytes.AsSpan(length));
            bytes[length++] = (byte)'"';
        }
        else
        {
            Append(Quoted(value));
        }

        return this;
    }

    /// <summary>Adds <paramref name="name"/> and a value already encoded by <see cref="Quoted"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public JournalEntry Encoded(ReadOnlySpan<byte> name, ReadOnlySpan<byte> quoted)
    {
        Property(name);
        Append(quoted);
        return this;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public JournalEntry Number(ReadOnlySpan<byte> name, long value)
    {
        Property(name);
        Reserve(20);
        value.TryFormat(bytes.AsSpan(length), out var written, provider: CultureInfo.InvariantCulture);
        length += written;
        return this;
    }

    /// <summary>Ends the object: valid until the next <see cref="Begin"/> on this instance.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ArraySegment<byte> End()
    {
        Append("}"u8);
        return new ArraySegment<byte>(bytes, 0, length);
    }

    /// <summary>A string value as JSON, quotes included: escaped where JSON needs it, non-ASCII as <c>\uXXXX</c>.</summary>
    public static byte[] Quoted(string value)
    {
        var escaped = JsonEncodedText.Encode(value).EncodedUtf8Bytes;
        var quoted = new byte[escaped.Length + 2];
        quoted[0] = (byte)'"';
        escaped.CopyTo(quoted.AsSpan(1));
        quoted[^1] = (byte)'"';
        return quoted;
    }

    private void Property(ReadOnlySpan<byte> name)
    {
        if (length > 1)
        {
            Append(","u8);
        }

        Append(name);
    }

    private void Append(ReadOnlySpan<byte> part)
    {
        Reserve(part.Length);
        part.CopyTo(bytes.AsSpan(length));
        length += part.Length;
    }

    private void Reserve(int more)
    {
        if (length + more > bytes.Length)
        {
            Array.Resize(ref bytes, Math.Max(bytes.Length * 2, length + more));
        }
    }
}
