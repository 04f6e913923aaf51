using System.Runtime.CompilerServices;
using System.Text.Json;

namespace FlakyCollector.Analysis.Reading;

/// <summary>The scanner's lexemes: strings, numbers, literals and whitespace, each checked as JSON defines it.</summary>
internal ref partial struct OtlpJsonScanner
{
    private void ReadString()
    {
        TokenStartIndex = _position;
        var start = ++_position;
        var escaped = false;
        while (true)
        {
            var stop = _json[_position..].IndexOfAny(StringStops);
            if (stop < 0)
            {
                throw Error("unterminated string");
            }

            _position += stop;
            var c = _json[_position];
            if (c == '"')
            {
                break;
            }

            if (c != '\\')
            {
                throw Error("control character in a string");
            }

            escaped = true;
            _position += EscapeLength();
        }

        _valueStart = start;
        _valueLength = _position - start;
        ValueIsEscaped = escaped;
        _position++;
    }

    private readonly int EscapeLength()
    {
        var next = _position + 1 < _json.Length ? _json[_position + 1] : (byte)0;
        switch (next)
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                return 2;
            case (byte)'u' when _position + 6 <= _json.Length && IsHex(_json.Slice(_position + 2, 4)):
                return 6;
            default:
                throw Error("invalid escape in a string");
        }
    }

    private void ReadNumber()
    {
        var start = _position;
        var json = _json;
        var i = start;
        if (i < json.Length && json[i] == '-')
        {
            i++;
        }

        var integral = Digits(json, ref i);
        if (integral == 0 || (integral > 1 && json[i - integral] == '0'))
        {
            throw Error("invalid number");
        }

        if (i < json.Length && json[i] == '.')
        {
            i++;
            if (Digits(json, ref i) == 0)
            {
                throw Error("invalid number");
            }
        }

        if (i < json.Length && (json[i] | 0x20) == 'e')
        {
            i++;
            if (i < json.Length && json[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            if (Digits(json, ref i) == 0)
            {
                throw Error("invalid number");
            }
        }

        _valueStart = start;
        _valueLength = i - start;
        _position = i;
        ValueIsEscaped = false;
        TokenType = JsonTokenType.Number;
    }

    private void ReadLiteral(ReadOnlySpan<byte> literal, JsonTokenType type)
    {
        if (!_json[_position..].StartsWith(literal))
        {
            throw Error("invalid literal");
        }

        _valueStart = _position;
        _valueLength = literal.Length;
        _position += literal.Length;
        ValueIsEscaped = false;
        TokenType = type;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SkipWhitespace()
    {
        // Compact JSON, the common case, has none: one comparison decides.
        if (_position < _json.Length && _json[_position] > ' ')
        {
            return;
        }

        while (_position < _json.Length && _json[_position] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            _position++;
        }
    }

    private static int Digits(ReadOnlySpan<byte> json, ref int i)
    {
        var start = i;
        while (i < json.Length && (uint)(json[i] - '0') <= 9)
        {
            i++;
        }

        return i - start;
    }

    private static bool IsHex(ReadOnlySpan<byte> text) => !text.ContainsAnyExcept("0123456789abcdefABCDEF"u8);
}
