using System.Buffers;
using System.Text.Json;

namespace FlakyCollector.Analysis.Reading;

/// <summary>
/// A forward-only JSON tokenizer over one complete line, with the part of <see cref="Utf8JsonReader"/>'s
/// surface the OTLP parser uses. It validates the same grammar (structure, commas, colons, string
/// escapes, numbers, literals, depth, nothing after the root value) but keeps none of the general
/// reader's bookkeeping (segments, positions, comment and trailing-comma options), which is most of
/// what tokenizing costs on OTLP's small tokens. Escaped strings, rare in traces, are decoded by
/// <see cref="Utf8JsonReader"/> itself so that unescaping follows the standard exactly.
/// </summary>
internal ref partial struct OtlpJsonScanner
{
    private const int MaxDepth = 64;

    // Where a string can stop being plain: its end, an escape, or a control character (invalid raw).
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"u8);

    private readonly ReadOnlySpan<byte> _json;
    private int _position;
    private int _depth;
    private ulong _objects; // bit d set: the container at depth d+1 is an object
    private bool _valueDone; // a complete value sits at the current depth: a comma or a close must follow
    private int _valueStart;
    private int _valueLength;

    public OtlpJsonScanner(ReadOnlySpan<byte> json) => _json = json;

    public JsonTokenType TokenType { get; private set; }

    public bool ValueIsEscaped { get; private set; }

    /// <summary>Index of the token's first byte (a string's opening quote).</summary>
    public long TokenStartIndex { get; private set; }

    public readonly ReadOnlySpan<byte> ValueSpan => _json.Slice(_valueStart, _valueLength);

    public bool Read()
    {
        SkipWhitespace();
        if (_depth == 0 && TokenType != JsonTokenType.None)
        {
            return _position < _json.Length ? throw Error("data after the end of the JSON value") : false;
        }

        if (_position >= _json.Length)
        {
            throw Error(TokenType == JsonTokenType.None ? "empty line" : "unexpected end of the line");
        }

        var c = _json[_position];
        if (_depth > 0)
        {
            var inObject = (_objects & (1UL << (_depth - 1))) != 0;
            if (c is (byte)'}' or (byte)']')
            {
                if ((c == '}') != inObject || TokenType == JsonTokenType.PropertyName)
                {
                    throw Error($"unexpected '{(char)c}'");
                }

                TokenStartIndex = _position++;
                _depth--;
                TokenType = inObject ? JsonTokenType.EndObject : JsonTokenType.EndArray;
                _valueDone = true;
                return true;
            }

            if (_valueDone)
            {
                if (c != ',')
                {
                    throw Error($"expected ',' or the end of the {(inObject ? "object" : "array")}");
                }

                _position++;
                SkipWhitespace();
                if (_position >= _json.Length)
                {
                    throw Error("unexpected end of the line");
                }

                c = _json[_position];
                _valueDone = false;
            }

            if (inObject && TokenType != JsonTokenType.PropertyName)
            {
                return ReadPropertyName(c);
            }
        }

        ReadValue(c);
        return true;
    }

    /// <summary>On a property name or an opening token, moves past its whole value (to the closing token).</summary>
    public void Skip()
    {
        if (TokenType == JsonTokenType.PropertyName)
        {
            Read();
        }

        if (TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var depth = _depth - 1;
            while (Read() && _depth > depth)
            {
            }
        }
    }

    private bool ReadPropertyName(byte c)
    {
        if (c != '"')
        {
            throw Error("expected a property name");
        }

        ReadString();
        SkipWhitespace();
        if (_position >= _json.Length || _json[_position] != ':')
        {
            throw Error("expected ':' after a property name");
        }

        _position++;
        TokenType = JsonTokenType.PropertyName;
        return true;
    }

    private void ReadValue(byte c)
    {
        TokenStartIndex = _position;
        switch (c)
        {
            case (byte)'{' or (byte)'[':
                if (_depth == MaxDepth)
                {
                    throw Error($"nested deeper than {MaxDepth}");
                }

                _objects = c == '{' ? _objects | (1UL << _depth) : _objects & ~(1UL << _depth);
                _depth++;
                _position++;
                TokenType = c == '{' ? JsonTokenType.StartObject : JsonTokenType.StartArray;
                _valueDone = false;
                return;
            case (byte)'"':
                ReadString();
                TokenType = JsonTokenType.String;
                break;
            case (byte)'t':
                ReadLiteral("true"u8, JsonTokenType.True);
                break;
            case (byte)'f':
                ReadLiteral("false"u8, JsonTokenType.False);
                break;
            case (byte)'n':
                ReadLiteral("null"u8, JsonTokenType.Null);
                break;
            default:
                ReadNumber();
                break;
        }

        _valueDone = true;
    }

    private readonly InvalidOtlpException Error(string what) => new($"invalid JSON at byte {_position}: {what}");
}
