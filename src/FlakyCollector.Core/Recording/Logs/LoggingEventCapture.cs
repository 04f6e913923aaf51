using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Text.Json;
using FlakyCollector.Spans;

namespace FlakyCollector.Recording.Logs;

/// <summary>
/// Reads what any <c>ILogger</c> of the process logs, through the logging library's own event
/// source (<c>Microsoft-Extensions-Logging</c>, which every default host, and so every app under
/// <c>WebApplicationFactory</c>, writes to). The event reaches an in-process listener on the thread
/// that logged, so the current activity tells whose test it belongs to. The package references no
/// logging library: it reads the event's payload by name.
/// </summary>
internal sealed class LoggingEventCapture : EventListener
{
    private const string SourceName = "Microsoft-Extensions-Logging";
    private const string JsonEvent = "MessageJson";

    // The source's JsonMessage keyword: level, category, event, the message, and its arguments with the template.
    private const EventKeywords JsonMessage = (EventKeywords)8;

    private static readonly string[] Severity = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"];

    private Action<Activity, LogRecordData>? sink;

    public LoggingEventCapture(Action<Activity, LogRecordData> sink)
    {
        this.sink = sink;
    }

    public override void Dispose()
    {
        sink = null;
        base.Dispose();
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        // Called from the base constructor too, before this one has run: enabling twice is harmless.
        if (eventSource.Name == SourceName)
        {
            EnableEvents(eventSource, EventLevel.Informational, JsonMessage);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        try
        {
            if (sink is not { } write || eventData.EventName != JsonEvent || Activity.Current is not { } current || eventData.Payload is not { } payload
                || eventData.PayloadNames is not { } names)
            {
                return;
            }

            string? Text(string name) => names.IndexOf(name) is var i and >= 0 ? payload[i] as string : null;
            var level = names.IndexOf("Level") is var l and >= 0 && payload[l] is int n ? n : 2;
            var message = Text("FormattedMessage");
            var template = Template(Text("ArgumentsJson"));
            write(current, new LogRecordData
            {
                TimeUnixNano = ActivitySpanConverter.ToUnixNano(eventData.TimeStamp.ToUniversalTime()),
                TraceId = current.TraceId.ToHexString(),
                SpanId = current.SpanId.ToHexString(),
                SeverityNumber = 1 + (4 * Math.Clamp(level, 0, 5)),
                SeverityText = Severity[Math.Clamp(level, 0, 5)],
                Body = message ?? template ?? string.Empty,
                Template = template,
                Category = Text("LoggerName") ?? "ILogger",
                Origin = LogNames.ILoggerOrigin,
            });
        }
        catch (Exception)
        {
            // Runs on the user's logging call: never let it fail.
        }
    }

    private static string? Template(string? argumentsJson)
    {
        if (string.IsNullOrEmpty(argumentsJson) || !argumentsJson.Contains("{OriginalFormat}", StringComparison.Ordinal))
        {
            return null;
        }

        using var arguments = JsonDocument.Parse(argumentsJson);
        return arguments.RootElement.TryGetProperty("{OriginalFormat}", out var format) ? format.GetString() : null;
    }
}
