using System.Text.Json;

namespace FlakyCollector.Analysis.Reading;

/// <summary>Reads OTLP enums written as integers (the OTLP/JSON rule) or as enum names.</summary>
internal static class OtlpEnums
{
    public static int ReadSpanKind(ref OtlpJsonScanner reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetInt32();
        }

        var name = reader.TokenType == JsonTokenType.String ? reader.ValueSpan : [];
        return name.EndsWith("INTERNAL"u8) ? 1
            : name.EndsWith("SERVER"u8) ? 2
            : name.EndsWith("CLIENT"u8) ? 3
            : name.EndsWith("PRODUCER"u8) ? 4
            : name.EndsWith("CONSUMER"u8) ? 5
            : ParseDigits(name);
    }

    public static int ReadStatusCode(ref OtlpJsonScanner reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetInt32();
        }

        var name = reader.TokenType == JsonTokenType.String ? reader.ValueSpan : [];
        return name.EndsWith("ERROR"u8) ? 2
            : name.EndsWith("OK"u8) ? 1
            : ParseDigits(name);
    }

    private static int ParseDigits(ReadOnlySpan<byte> text) =>
        System.Buffers.Text.Utf8Parser.TryParse(text, out int value, out var consumed) && consumed == text.Length ? value : 0;
}
