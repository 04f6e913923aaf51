using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// The timing half of a failed call: a span cancelled or timed out with no answer (a client's
/// <c>HttpClient.Timeout</c>, the test's own <c>CancellationTokenSource</c> deadline) in more
/// failing than passing runs, by a one-sided Fisher exact test adjusted over the labels that were
/// ever cancelled, with at least two failing runs. The dependency was slow, not failing: its own
/// server span, where the trace has it, shows the answer it was still preparing (status and how
/// long it took), and passing runs show how long the call usually takes.
/// </summary>
internal static class CancelledCalls
{
    private const int MinimumFailing = 2;
    private const int ServerKind = 2;

    public static IEnumerable<string> Labels(FlakySample sample) =>
        sample.Failing.Concat(sample.Passing).SelectMany(e => e.Spans).Where(s => s.Failure == SpanFailure.Cancelled).Select(s => s.Label).Distinct();

    public static CauseHint? Hint(FlakySample sample, string label, int family, double alpha)
    {
        var failingCancelled = sample.Failing.Select(e => Cancelled(e, label)).OfType<ChildSpanEntry>().ToList();
        var passingCancelled = sample.Passing.Count(e => Cancelled(e, label) is not null);
        int failingRuns = sample.Failing.Count, passingRuns = sample.Passing.Count;
        if (failingCancelled.Count < MinimumFailing || (double)failingCancelled.Count / failingRuns <= (double)passingCancelled / Math.Max(1, passingRuns))
        {
            return null;
        }

        var p = FisherExactTest.GreaterPValue(failingCancelled.Count, failingRuns - failingCancelled.Count, passingCancelled, passingRuns - passingCancelled);
        var adjusted = Significance.Adjust(p, family);
        if (adjusted > alpha)
        {
            return null;
        }

        var cancelledAfter = Median(failingCancelled.Select(s => (double)s.DurationNanos));
        var usual = Median(sample.Passing.SelectMany(e => e.Spans).Where(s => s.Label == label && s.Failure == SpanFailure.None).Select(s => (double)s.DurationNanos));
        var servers = sample.Failing.SelectMany(e => ServerSide(e, failingCancelled)).ToList();
        var serverMs = Median(servers.Select(s => (double)s.DurationNanos));
        var serverStatus = servers.GroupBy(s => s.HttpStatusCode).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var errorType = failingCancelled.Select(s => s.ErrorType).FirstOrDefault(t => t is not null) ?? "";
        var server = servers.Count == 0
            ? "the server's side is not in the trace"
            : $"the server answered {(serverStatus == 0 ? "nothing" : serverStatus.ToString(System.Globalization.CultureInfo.InvariantCulture))} after a median {Significance.Milliseconds(serverMs)} ms ({servers[0].Label})";
        return new CauseHint(
            CauseKind.Timing,
            CauseHint.ScoreOf(adjusted),
            $"{label}: cancelled after a median {Significance.Milliseconds(cancelledAfter)} ms (a timeout or the test's deadline; {errorType}) in {failingCancelled.Count}/{failingRuns} failing runs vs {passingCancelled}/{passingRuns} passing runs"
                + (double.IsNaN(usual) ? "" : $", where it takes a median {Significance.Milliseconds(usual)} ms")
                + $"; {server}: the dependency was slow, not failing; p={Significance.PValueText(adjusted)}",
            [
                new("span", label),
                new("failingRunsCancelled", failingCancelled.Count),
                new("failingRuns", failingRuns),
                new("passingRunsCancelled", passingCancelled),
                new("passingRuns", passingRuns),
                new("cancelledAfterMedianMs", Significance.Milliseconds(cancelledAfter)),
                new("passingMedianMs", double.IsNaN(usual) ? 0 : Significance.Milliseconds(usual)),
                new("serverSpan", servers.Count == 0 ? "" : servers[0].Label),
                new("serverStatusCode", serverStatus),
                new("serverMedianMs", double.IsNaN(serverMs) ? 0 : Significance.Milliseconds(serverMs)),
                new("errorType", errorType),
                new("pValue", adjusted),
            ]);
    }

    private static ChildSpanEntry? Cancelled(TestExecution execution, string label)
    {
        foreach (var span in execution.Spans)
        {
            if (span.Label == label && span.Failure == SpanFailure.Cancelled)
            {
                return span;
            }
        }

        return null;
    }

    /// <summary>Server spans under the cancelled calls: the dependency's own account of the request.</summary>
    private static IEnumerable<ChildSpanEntry> ServerSide(TestExecution execution, List<ChildSpanEntry> cancelled)
    {
        var ids = cancelled.Select(s => s.SpanId).ToHashSet();
        return execution.Spans.Where(s => s.Kind == ServerKind && ids.Contains(s.ParentSpanId));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = Quantiles.Sorted(values);
        return sorted.Length == 0 ? double.NaN : Quantiles.Median(sorted);
    }
}
