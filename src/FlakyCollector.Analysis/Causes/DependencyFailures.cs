using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// Which failed spans of an execution say that a dependency failed, as opposed to the test's own
/// code or the app under test. A dependency failed when a call out (client, producer or consumer
/// span) got an error answer (5xx), could not connect, or failed otherwise; or when a span that
/// another service recorded says it failed. Not a dependency failure: a cancellation or timeout
/// (the callee was slow, which is timing), a 4xx answer (the callee refused what it was asked, a
/// symptom of the caller's state), and anything the test's own service recorded that is not a call
/// out, such as the server spans of an app tested in memory and the app's own spans. A test whose
/// setup failed, with no span that shows it, has its failure text read (<see cref="SetupFailures"/>).
/// </summary>
internal static class DependencyFailures
{
    // Client, producer and consumer (3, 4, 5): calls out of the process.
    private const int ClientKind = 3;

    public static bool IsDependencyFailure(TestExecution execution, in ChildSpanEntry span)
    {
        var failure = span.Failure;
        if (failure is SpanFailure.None or SpanFailure.Cancelled or SpanFailure.ClientError)
        {
            return false;
        }

        var ownService = span.ServiceName is null || execution.ServiceName is null || span.ServiceName == execution.ServiceName;
        if (!ownService)
        {
            return true;
        }

        return span.Kind is >= ClientKind || IsHttpClientWithoutKind(span);
    }

    /// <summary>Labels of the spans in <paramref name="execution"/> that show a dependency failure.</summary>
    public static HashSet<string> Labels(TestExecution execution)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var span in execution.Spans)
        {
            if (IsDependencyFailure(execution, span))
            {
                labels.Add(span.Label);
            }
        }

        // Without the fixture's spans, the failure text of a failed setup may still name what it met.
        if (labels.Count == 0 && SetupFailures.DependencyFailureLabel(execution) is { } setup)
        {
            labels.Add(setup);
        }

        return labels;
    }

    // Older instrumentation leaves the kind unset (0) on HTTP client spans; their label says HTTP.
    private static bool IsHttpClientWithoutKind(in ChildSpanEntry span) => span.Kind == 0 && span.Label.StartsWith("HTTP ", StringComparison.Ordinal);
}
