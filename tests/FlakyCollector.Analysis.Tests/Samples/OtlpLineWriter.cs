using System.Globalization;
using System.Text.Json;

namespace FlakyCollector.Analysis.Tests.Samples;

/// <summary>
/// Writes one OTLP/JSON <c>TracesData</c> line, the way the collector does: hex ids, times and
/// ints as decimal strings, kind and status code as integers. Options produce the variants the
/// reader must also accept (numbers as numbers, snake_case keys).
/// </summary>
internal sealed class OtlpLineWriter
{
    public bool NumbersAsStrings { get; init; } = true;

    public bool SnakeCase { get; init; }

    public string Line(IReadOnlyList<KeyValuePair<string, object>> resource, IEnumerable<SampleSpan> spans)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray(Key("resourceSpans"));
            json.WriteStartObject();
            json.WriteStartObject("resource");
            WriteAttributes(json, resource);
            json.WriteEndObject();
            json.WriteStartArray(Key("scopeSpans"));
            foreach (var scope in spans.GroupBy(s => s.Scope))
            {
                json.WriteStartObject();
                json.WriteStartObject("scope");
                json.WriteString("name", scope.Key);
                json.WriteString("version", "1.0.0");
                json.WriteEndObject();
                json.WriteStartArray("spans");
                foreach (var span in scope)
                {
                    WriteSpan(json, span);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private void WriteSpan(Utf8JsonWriter json, SampleSpan span)
    {
        json.WriteStartObject();
        json.WriteString(Key("traceId"), span.TraceId);
        json.WriteString(Key("spanId"), span.SpanId);
        if (span.ParentSpanId is not null)
        {
            json.WriteString(Key("parentSpanId"), span.ParentSpanId);
        }

        json.WriteString("name", span.Name);
        json.WriteNumber("kind", span.Kind);
        WriteInteger(json, Key("startTimeUnixNano"), span.StartNanos);
        WriteInteger(json, Key("endTimeUnixNano"), span.EndNanos);
        WriteAttributes(json, span.Attributes);
        if (span.Exception is { } exception)
        {
            json.WriteStartArray("events");
            json.WriteStartObject();
            json.WriteString("name", "exception");
            WriteInteger(json, Key("timeUnixNano"), span.EndNanos);
            WriteAttributes(json, [new("exception.type", exception.Type), new("exception.message", exception.Message), new("exception.stacktrace", exception.StackTrace)]);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("status");
        if (span.StatusCode != 0)
        {
            json.WriteNumber("code", span.StatusCode);
        }

        if (span.StatusMessage is not null)
        {
            json.WriteString("message", span.StatusMessage);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteAttributes(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object>> attributes)
    {
        json.WriteStartArray("attributes");
        foreach (var (key, value) in attributes)
        {
            json.WriteStartObject();
            json.WriteString("key", key);
            json.WriteStartObject("value");
            switch (value)
            {
                case string text: json.WriteString(Key("stringValue"), text); break;
                case bool flag: json.WriteBoolean(Key("boolValue"), flag); break;
                case double number: json.WriteNumber(Key("doubleValue"), number); break;
                default: WriteInteger(json, Key("intValue"), Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private void WriteInteger(Utf8JsonWriter json, string name, long value)
    {
        if (NumbersAsStrings)
        {
            json.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNumber(name, value);
        }
    }

    private string Key(string camel) => SnakeCase ? string.Concat(camel.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString())) : camel;
}
