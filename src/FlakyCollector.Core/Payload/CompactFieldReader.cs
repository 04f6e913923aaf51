using System.Globalization;

namespace FlakyCollector.Payload;

/// <summary>Reads the fields of a <see cref="CompactPayloadFormat"/> line in order.</summary>
internal ref struct CompactFieldReader(string text, int position)
{
    private readonly string _text = text;
    private int _position = position;

    /// <summary>A <c>length:text</c> field, or null for <c>-</c>.</summary>
    public string? Text()
    {
        if (_position < _text.Length && _text[_position] == '-')
        {
            _position++;
            return null;
        }

        var colon = _text.IndexOf(':', _position);
        if (colon < 0 || !int.TryParse(_text.AsSpan(_position, colon - _position), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || length > _text.Length - colon - 1)
        {
            throw new FormatException($"bad text field at {_position} of the payload");
        }

        _position = colon + 1 + length;
        return _text.Substring(colon + 1, length);
    }

    /// <summary>A <c>digits;</c> field.</summary>
    public long Number()
    {
        var end = _text.IndexOf(';', _position);
        if (end < 0 || !long.TryParse(_text.AsSpan(_position, end - _position), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"bad number field at {_position} of the payload");
        }

        _position = end + 1;
        return value;
    }

    public readonly void ExpectEnd()
    {
        if (_position != _text.Length)
        {
            throw new FormatException($"unexpected data at {_position} of the payload");
        }
    }
}
