using System.Collections;
using System.Globalization;

namespace FlakyCollector.Export;

/// <summary>
/// An attribute value mapped onto the OTLP <c>AnyValue</c> kinds. Both encoders classify through
/// here, so the JSON file and the protobuf request can never disagree about a value's type.
/// </summary>
internal readonly struct OtlpValue
{
    private OtlpValue(OtlpValueKind kind, string? text = null, long integer = 0, double real = 0,
        IList? items = null)
    {
        Kind = kind;
        Text = text;
        Integer = integer;
        Real = real;
        Items = items;
    }

    public OtlpValueKind Kind { get; }

    /// <summary>The string; for <see cref="OtlpValueKind.Bool"/>, null means false.</summary>
    public string? Text { get; }

    public long Integer { get; }

    public double Real { get; }

    public IList? Items { get; }

    public bool Boolean => Integer != 0;

    /// <summary>
    /// Maps a value. The span model promises string, bool, long, double or string[]; anything else
    /// still gets its closest OTLP kind instead of failing an export over one odd attribute.
    /// </summary>
    public static OtlpValue From(object? value) => value switch
    {
        null => default,
        string text => new OtlpValue(OtlpValueKind.String, text),
        bool flag => new OtlpValue(OtlpValueKind.Bool, integer: flag ? 1 : 0),
        long number => Int(number),
        int number => Int(number),
        short number => Int(number),
        sbyte number => Int(number),
        byte number => Int(number),
        ushort number => Int(number),
        uint number => Int(number),
        ulong number when number <= long.MaxValue => Int((long)number),
        double real => new OtlpValue(OtlpValueKind.Double, real: real),
        float real => new OtlpValue(OtlpValueKind.Double, real: real),
        decimal real => new OtlpValue(OtlpValueKind.Double, real: (double)real),
        IList items => new OtlpValue(OtlpValueKind.Array, items: items),
        _ => new OtlpValue(OtlpValueKind.String, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private static OtlpValue Int(long number) => new(OtlpValueKind.Int, integer: number);
}
