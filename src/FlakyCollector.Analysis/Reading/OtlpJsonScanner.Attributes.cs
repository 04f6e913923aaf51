using System.Text.Json;

namespace FlakyCollector.Analysis.Reading;

/// <summary>
/// The shape most attributes have in a compact OTLP/JSON line, <c>{"key":"K","value":{"stringValue":"V"}}</c>
/// (or <c>"intValue":"N"</c>), matched on the bytes in one pass instead of nine tokens. Anything
/// else (whitespace, another order or value type, an escape) does not match, and the caller reads
/// the attribute token by token as before; so a match never hides an error the tokens would show.
/// </summary>
internal ref partial struct OtlpJsonScanner
{
    /// <summary>
    /// On the opening brace of an attribute object (the last token read), whether the whole
    /// object has the flat shape; the scanner does not move. <see cref="EndFlatAttribute"/> moves past it.
    /// </summary>
    public readonly bool TryMatchFlatAttribute(out FlatAttribute attribute)
    {
        attribute = default;
        var json = _json;
        var at = _position;
        if (TokenType != JsonTokenType.StartObject || _depth >= MaxDepth || !json[at..].StartsWith("\"key\":\""u8))
        {
            return false;
        }

        var keyStart = at + 7;
        var keyLength = PlainStringLength(json, keyStart);
        at = keyStart + keyLength;
        if (keyLength < 0 || !json[at..].StartsWith("\",\"value\":{\""u8))
        {
            return false;
        }

        at += 12;
        bool isInt;
        if (json[at..].StartsWith("stringValue\":\""u8))
        {
            (isInt, at) = (false, at + 14);
        }
        else if (json[at..].StartsWith("intValue\":\""u8))
        {
            (isInt, at) = (true, at + 11);
        }
        else
        {
            return false;
        }

        var valueLength = PlainStringLength(json, at);
        if (valueLength < 0 || !json[(at + valueLength)..].StartsWith("\"}}"u8))
        {
            return false;
        }

        attribute = new FlatAttribute(keyStart, keyLength, at, valueLength, isInt, at + valueLength + 2);
        return true;
    }

    /// <summary>Moves past a matched attribute, to where reading its tokens would have left the scanner: on its closing brace.</summary>
    public void EndFlatAttribute(in FlatAttribute attribute)
    {
        TokenStartIndex = attribute.ClosingBrace;
        _position = attribute.ClosingBrace + 1;
        _depth--;
        TokenType = JsonTokenType.EndObject;
        _valueDone = true;
    }

    /// <summary>The length of the string whose content starts at <paramref name="start"/>, or -1 when it has an escape or a control character or does not end.</summary>
    private static int PlainStringLength(ReadOnlySpan<byte> json, int start)
    {
        var length = json[start..].IndexOfAny(StringStops);
        return length >= 0 && json[start + length] == '"' ? length : -1;
    }
}
