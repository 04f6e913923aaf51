using System.Buffers.Text;
using System.Text.Json;

namespace FlakyCollector.Analysis.Reading;

/// <summary>The current token's value, read as the OTLP parser needs it.</summary>
internal ref partial struct OtlpJsonScanner
{
    public readonly string GetString() => ValueIsEscaped ? Unescaper().GetString()! : System.Text.Encoding.UTF8.GetString(ValueSpan);

    public readonly int CopyString(Span<byte> destination)
    {
        if (!ValueIsEscaped)
        {
            ValueSpan.CopyTo(destination);
            return _valueLength;
        }

        return Unescaper().CopyString(destination);
    }

    public readonly int CopyString(Span<char> destination) =>
        ValueIsEscaped ? Unescaper().CopyString(destination) : System.Text.Encoding.UTF8.GetChars(ValueSpan, destination);

    public readonly bool TryGetInt64(out long value) =>
        Utf8Parser.TryParse(ValueSpan, out value, out var used) && used == _valueLength;

    public readonly int GetInt32() =>
        Utf8Parser.TryParse(ValueSpan, out int value, out var used) && used == _valueLength ? value
        : throw new FormatException("expected a 32-bit integer");

    public readonly double GetDouble() =>
        Utf8Parser.TryParse(ValueSpan, out double value, out var used, 'E') && used == _valueLength ? value
        : Utf8Parser.TryParse(ValueSpan, out value, out used) && used == _valueLength ? value
        : throw new FormatException("expected a number");

    /// <summary>The current (escaped) string token alone, for the standard reader to decode.</summary>
    private readonly Utf8JsonReader Unescaper()
    {
        var reader = new Utf8JsonReader(_json.Slice(_valueStart - 1, _valueLength + 2));
        reader.Read();
        return reader;
    }
}
