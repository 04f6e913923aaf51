using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.History;

/// <summary>Trace files and histories read together, as one corpus for the analysis; a run in both counts once, from its traces.</summary>
public static class HistoryCorpus
{
    public static TraceCorpus Combine(TraceCorpus? traces, IReadOnlyList<TestHistory> histories)
    {
        var executions = new List<TestExecution>(traces?.Executions ?? []);
        var seen = executions.Select(e => e.RunId).ToHashSet(StringComparer.Ordinal);
        foreach (var history in histories)
        {
            var added = HistoryExecutions.Of(history, seen);
            seen.UnionWith(added.Select(e => e.RunId));
            executions.AddRange(added);
        }

        return new TraceCorpus(executions, traces?.Input ?? new InputSummary());
    }
}
