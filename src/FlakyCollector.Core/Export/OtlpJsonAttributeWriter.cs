using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FlakyCollector.Spans;

namespace FlakyCollector.Export;

/// <summary>Writes attribute lists as OTLP/JSON <c>KeyValue</c> arrays.</summary>
internal static class OtlpJsonAttributeWriter
{
    /// <summary>Writes <c>"attributes":[...]</c>, or nothing for an empty list (the JSON default).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteAttributes(Utf8JsonWriter writer, IReadOnlyList<SpanAttribute>? attributes)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("attributes"u8);
        foreach (var attribute in attributes)
        {
            if (attribute.Value is string text && FlatAttributeJson.TryWrite(writer, attribute.Key ?? string.Empty, text))
            {
                continue;
            }

            writer.WriteStartObject();
            writer.WriteString("key"u8, attribute.Key ?? string.Empty);
            writer.WritePropertyName("value"u8);
            WriteAnyValue(writer, OtlpValue.From(attribute.Value));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteAnyValue(Utf8JsonWriter writer, OtlpValue value)
    {
        writer.WriteStartObject();
        switch (value.Kind)
        {
            case OtlpValueKind.String:
                writer.WriteString("stringValue"u8, value.Text);
                break;
            case OtlpValueKind.Bool:
                writer.WriteBoolean("boolValue"u8, value.Boolean);
                break;
            case OtlpValueKind.Int:
                WriteInt64String(writer, value.Integer);
                break;
            case OtlpValueKind.Double:
                WriteDouble(writer, value.Real);
                break;
            case OtlpValueKind.Array:
                writer.WriteStartObject("arrayValue"u8);
                writer.WriteStartArray("values"u8);
                foreach (var item in value.Items!)
                {
                    WriteAnyValue(writer, OtlpValue.From(item));
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            default:
                // An empty AnyValue: valid OTLP for a value that is not there.
                break;
        }

        writer.WriteEndObject();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteInt64String(Utf8JsonWriter writer, long value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out var length);
        writer.WriteString("intValue"u8, digits[..length]);
    }

    /// <summary>JSON has no NaN or infinities; the protobuf JSON mapping spells them as strings.</summary>
    private static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber("doubleValue"u8, value);
        }
        else
        {
            writer.WriteString("doubleValue"u8, double.IsNaN(value) ? "NaN"u8
                : value > 0 ? "Infinity"u8 : "-Infinity"u8);
        }
    }
}
