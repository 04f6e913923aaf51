using System.Globalization;
using System.Text;
using FlakyCollector.Recording;
using FlakyCollector.Spans;

namespace FlakyCollector.Payload;

/// <summary>
/// The payload of the common test (a test span and nothing else) as a short line of
/// length-prefixed fields: <c>1|</c> then strings as <c>length:text</c> (<c>-</c> for null) and
/// numbers as <c>digits;</c>. Of the test span it carries the ids and the timing, all that the
/// logger takes from it (name, status and attributes come from vstest's own result), and the one
/// exception the test threw, if any. Apart from that exception's message it has no quotes, so
/// vstest's JSON mostly carries it without escaping, and both ends handle it without a JSON
/// writer or document. Size matters twice: vstest keeps every test result, with this property,
/// in both processes until the run ends.
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
        if (span is null || payload.PreviousAttempts.Count > 0 || payload.Children.Count > 0 || payload.Detached.Count > 0
            || payload.Warnings.Count > 0 || payload.ExceptionType is not null || payload.Exceptions.Count > 1 || payload.Logs.Count > 0
            || span.Links.Count > 0)
        {
            return null;
        }

        var text = cachedBuilder ??= new StringBuilder(128);
        text.Clear().Append(Marker);
        Text(text, payload.Timing);
        Number(text, payload.ProcessId);
        Text(text, payload.Runtime);
        var exception = payload.Exceptions.Count == 1 ? payload.Exceptions[0] : null;
        Text(text, exception?.Type);
        Text(text, exception?.Message);
        Text(text, span.TraceId);
        Text(text, span.SpanId);
        Number(text, span.StartTimeUnixNano);
        Number(text, span.EndTimeUnixNano - span.StartTimeUnixNano);
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
        var exceptionMessage = fields.Text();
        var traceId = fields.Text() ?? throw new FormatException("the payload has no trace id");
        var spanId = fields.Text() ?? throw new FormatException("the payload has no span id");
        var start = fields.Number();
        var span = new SpanData
        {
            TraceId = traceId,
            SpanId = spanId,
            Name = string.Empty,
            StartTimeUnixNano = start,
            EndTimeUnixNano = start + fields.Number(),
            ScopeName = TestActivityNames.SourceName,
        };
        fields.ExpectEnd();
        return new RecordedExecution
        {
            Timing = timing,
            ProcessId = processId,
            Runtime = runtime,
            Exceptions = exceptionType is null ? [] : [new RecordedException(exceptionType, exceptionMessage)],
            TestSpan = span,
        };
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
