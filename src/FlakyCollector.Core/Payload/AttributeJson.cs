using System.Text.Json;
using FlakyCollector.Spans;

namespace FlakyCollector.Payload;

/// <summary>Attributes as a JSON array of <c>[key, type, value]</c>, the type one of s, b, i, d, a.</summary>
internal static class AttributeJson
{
    public static void Write(Utf8JsonWriter writer, string name, IReadOnlyList<SpanAttribute> attributes)
    {
        writer.WriteStartArray(name);
        foreach (var attribute in attributes)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(attribute.Key);
            switch (attribute.Value)
            {
                case bool b:
                    writer.WriteStringValue("b");
                    writer.WriteBooleanValue(b);
                    break;
                case long or int:
                    writer.WriteStringValue("i");
                    writer.WriteNumberValue(Convert.ToInt64(attribute.Value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case double d:
                    writer.WriteStringValue("d");
                    // JSON numbers cannot be NaN or infinite, and Utf8JsonWriter throws on them.
                    if (double.IsFinite(d))
                    {
                        writer.WriteNumberValue(d);
                    }
                    else
                    {
                        writer.WriteStringValue(d.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    break;
                case string[] items:
                    writer.WriteStringValue("a");
                    writer.WriteStartArray();
                    foreach (var item in items)
                    {
                        writer.WriteStringValue(item);
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    writer.WriteStringValue("s");
                    writer.WriteStringValue(Convert.ToString(attribute.Value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    public static IReadOnlyList<SpanAttribute> Read(JsonElement array)
    {
        var attributes = new List<SpanAttribute>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            var key = item[0].GetString()!;
            var value = item[2];
            object converted = item[1].GetString() switch
            {
                "b" => value.GetBoolean(),
                "i" => value.GetInt64(),
                "d" => value.ValueKind == JsonValueKind.String
                    ? double.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                    : value.GetDouble(),
                "a" => value.EnumerateArray().Select(v => v.GetString() ?? string.Empty).ToArray(),
                _ => value.GetString() ?? string.Empty,
            };
            attributes.Add(new SpanAttribute(key, converted));
        }

        return attributes;
    }
}
