using System.Buffers.Binary;
using System.Text;

namespace FlakyCollector.Export;

/// <summary>
/// Protobuf wire-format writer used in two passes over the same sequence of calls: a measuring
/// pass that records the length of every nested message and string, then a writing pass that
/// emits bytes into an exact-size buffer using those lengths. Each length is computed once, so
/// encoding is linear in the output size and needs no copying or back-patching.
/// </summary>
internal sealed class ProtobufMessageWriter
{
    private const int VarintWireType = 0;
    private const int Fixed64WireType = 1;
    private const int LengthDelimitedWireType = 2;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly List<int> lengths = [];
    private readonly Stack<(int Slot, int OuterLength)> open = new();
    private readonly Stack<int> ends = new();
    private bool measuring;
    private int length;
    private byte[] buffer = [];
    private int position;
    private int nextLength;

    public void BeginMeasure()
    {
        measuring = true;
        lengths.Clear();
        open.Clear();
        length = 0;
    }

    /// <summary>Ends the measuring pass and returns the encoded size.</summary>
    public int EndMeasure()
    {
        if (open.Count != 0)
        {
            throw new InvalidOperationException("A message was started but not ended.");
        }

        return length;
    }

    public void BeginWrite(byte[] destination, int offset)
    {
        measuring = false;
        buffer = destination;
        position = offset;
        nextLength = 0;
        ends.Clear();
    }

    /// <summary>Ends the writing pass and returns the position after the last byte written.</summary>
    public int EndWrite()
    {
        buffer = [];
        return position;
    }

    public void StartMessage(int field)
    {
        if (measuring)
        {
            open.Push((lengths.Count, length + TagSize(field)));
            lengths.Add(0);
            length = 0;
            return;
        }

        var size = lengths[nextLength++];
        WriteTag(field, LengthDelimitedWireType);
        WriteVarint((uint)size);
        ends.Push(position + size);
    }

    public void EndMessage()
    {
        if (measuring)
        {
            var (slot, outerLength) = open.Pop();
            lengths[slot] = length;
            length = outerLength + VarintSize((uint)length) + length;
            return;
        }

        // A mismatch means the two passes walked different data: fail loudly, never send garbage.
        if (ends.Pop() != position)
        {
            throw new InvalidOperationException("Protobuf message length mismatch between passes.");
        }
    }

    /// <summary>Writes a string field, even when empty (oneof members must be present).</summary>
    public void String(int field, string value)
    {
        if (measuring)
        {
            var byteCount = Utf8.GetByteCount(value);
            lengths.Add(byteCount);
            length += TagSize(field) + VarintSize((uint)byteCount) + byteCount;
            return;
        }

        var size = lengths[nextLength++];
        WriteTag(field, LengthDelimitedWireType);
        WriteVarint((uint)size);
        position += Utf8.GetBytes(value, buffer.AsSpan(position, size));
    }

    /// <summary>Writes the string unless it is null or empty, the proto3 default.</summary>
    public void OptionalString(int field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            String(field, value);
        }
    }

    /// <summary>Writes a varint field (int64, bool or enum); negative numbers take ten bytes, as in protobuf.</summary>
    public void Varint(int field, long value)
    {
        if (measuring)
        {
            length += TagSize(field) + VarintSize((ulong)value);
            return;
        }

        WriteTag(field, VarintWireType);
        WriteVarint((ulong)value);
    }

    public void Fixed64(int field, ulong value)
    {
        if (measuring)
        {
            length += TagSize(field) + sizeof(ulong);
            return;
        }

        WriteTag(field, Fixed64WireType);
        BinaryPrimitives.WriteUInt64LittleEndian(buffer.AsSpan(position), value);
        position += sizeof(ulong);
    }

    /// <summary>
    /// Writes a trace or span id given as hex as raw bytes; one that is missing or not
    /// <paramref name="byteCount"/> bytes of hex is left out (see <see cref="HexId.IsValid"/>).
    /// </summary>
    public void HexBytes(int field, string? hex, int byteCount)
    {
        if (!HexId.IsValid(hex, byteCount))
        {
            return;
        }

        if (measuring)
        {
            length += TagSize(field) + VarintSize((uint)byteCount) + byteCount;
            return;
        }

        WriteTag(field, LengthDelimitedWireType);
        WriteVarint((uint)byteCount);
        HexId.Decode(hex!, buffer.AsSpan(position, byteCount));
        position += byteCount;
    }

    private static int TagSize(int field) => VarintSize((uint)field << 3);

    private static int VarintSize(ulong value) => (70 - System.Numerics.BitOperations.LeadingZeroCount(value | 1)) / 7;

    private void WriteTag(int field, int wireType) => WriteVarint(((uint)field << 3) | (uint)wireType);

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            buffer[position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[position++] = (byte)value;
    }
}
