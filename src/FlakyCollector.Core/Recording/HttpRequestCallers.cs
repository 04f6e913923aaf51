using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace FlakyCollector.Recording;

/// <summary>
/// The first request a new <see cref="HttpClient"/> sends starts its span on a continuation, after
/// the handler chain is built, where the caller's frames are gone: a fixture's warm-up call on a
/// client of its own would be attributed to nobody. The runtime's HTTP event source announces the
/// request synchronously, on the caller's stack, from inside the send's own async flow. Outside any
/// test, the classes served by the code on that stack are kept in an AsyncLocal of that flow, which
/// the span's start reads; the value does not flow back out of the send.
/// </summary>
internal sealed class HttpRequestCallers : EventListener
{
    private const string HttpSourceName = "System.Net.Http";

    private static readonly AsyncLocal<string[]?> Served = new();

    /// <summary>The classes served by the code that sent the HTTP request now starting, if it was sent outside any test.</summary>
    public static string[]? Current => Served.Value;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        // Called from the base constructor too, before this type's own fields are set: use none.
        if (eventSource.Name == HttpSourceName)
        {
            EnableEvents(eventSource, EventLevel.Informational);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        try
        {
            if (eventData.EventName == "RequestStart" && Activity.Current is null)
            {
                var suites = FixtureWork.SuitesOnStack(new StackTrace(1, false));
                Served.Value = suites.Length > 0 ? suites : null;
            }
        }
        catch (Exception)
        {
            // Runs inside the user's HTTP call: it must never throw into it.
        }
    }
}
