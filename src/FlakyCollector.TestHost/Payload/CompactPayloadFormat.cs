using System.Globalization;
using System.Text;
using FlakyCollector.Recording;
using FlakyCollector.Spans;

namespace FlakyCollector.Payload;

/// <summary>
/// The payload of the common test (a test span with string attributes and nothing else) as a short
/// line of length-prefixed fields: <c>1|</c> then strings as <c>length:text</c> (<c>-</c> for
/// null) and numbers as <c>digits;</c>. It has no quotes, so vstest's own JSON carries it without
/// escaping, and both ends handle it without a JSON writer or document: per test, this trip was
/// the largest part of the collector's cost in both processes.
/// </summary>
internal static class CompactPayloadFormat
{
    public const string Marker = "1|";

    [ThreadStatic]
    private static StringBuilder? cachedBuilder;

    /// <summary>The compact form, or null when the payload has anything the form does not carry.</summary>
    public static string? TryWrite(RecordedExecution payload)
    {
        var span = payload.TestSpan;
        if (span is null || span.Events.Count > 0 || span.Links.Count > 0 || payload.PreviousAttempts.Count > 0
            || payload.Children.Count > 0 || payload.Detached.Count > 0 || payload.Warnings.Count > 0
            || !span.Attributes.All(a => a.Value is string))
        {
            return null;
        }

        var text = cachedBuilder ??= new StringBuilder(256);
        text.Clear().Append(Marker);
        Text(text, payload.Timing);
        Number(text, payload.ProcessId);
        Text(text, payload.Runtime);
        Text(text, payload.ExceptionType);
        Text(text, span.TraceId);
        Text(text, span.SpanId);
        Text(text, span.ParentSpanId);
        Text(text, span.Name);
        Number(text, (long)span.Kind);
        Number(text, span.StartTimeUnixNano);
        Number(text, span.EndTimeUnixNano);
        Number(text, (long)span.StatusCode);
        Text(text, span.StatusMessage);
        Text(text, span.ScopeName);
        Text(text, span.ScopeVersion);
        Number(text, span.Attributes.Count);
        foreach (var attribute in span.Attributes)
        {
            Text(text, attribute.Key);
            Text(text, (string)attribute.Value);
        }

        var result = text.ToString();
        if (text.Capacity > 4096)
        {
            cachedBuilder = null; // an unusually long name: do not keep its buffer for the whole run
        }

        return result;
    }

    /// <exception cref="FormatException">The text is not a compact payload.</exception>
    public static RecordedExecution Read(string text)
    {
        var fields = new CompactFieldReader(text, Marker.Length);
        var timing = fields.Text() ?? "none";
        var processId = (int)fields.Number();
        var runtime = fields.Text();
        var exceptionType = fields.Text();
        var span = new SpanData
        {
            TraceId = fields.Text() ?? throw new FormatException("the payload has no trace id"),
            SpanId = fields.Text() ?? throw new FormatException("the payload has no span id"),
            ParentSpanId = fields.Text(),
            Name = fields.Text() ?? string.Empty,
            Kind = (SpanKind)fields.Number(),
            StartTimeUnixNano = fields.Number(),
            EndTimeUnixNano = fields.Number(),
            StatusCode = (SpanStatusCode)fields.Number(),
            StatusMessage = fields.Text(),
            ScopeName = fields.Text() ?? string.Empty,
            ScopeVersion = fields.Text(),
            Attributes = ReadAttributes(ref fields),
        };
        fields.ExpectEnd();
        return new RecordedExecution { Timing = timing, ProcessId = processId, Runtime = runtime, ExceptionType = exceptionType, TestSpan = span };
    }

    private static SpanAttribute[] ReadAttributes(ref CompactFieldReader fields)
    {
        var count = fields.Number();
        if (count < 0 || count > 10_000)
        {
            throw new FormatException("implausible attribute count in the payload");
        }

        var attributes = new SpanAttribute[count];
        for (var i = 0; i < attributes.Length; i++)
        {
            attributes[i] = new SpanAttribute(fields.Text() ?? string.Empty, fields.Text() ?? string.Empty);
        }

        return attributes;
    }

    private static void Text(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append('-');
            return;
        }

        text.Append(value.Length).Append(':').Append(value);
    }

    private static void Number(StringBuilder text, long value) =>
        text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(';');
}
