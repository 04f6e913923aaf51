namespace FlakyCollector.Analysis.Model;

/// <summary>Every test execution read from the input, with its aggregated child spans.</summary>
public sealed class TraceCorpus(IReadOnlyList<TestExecution> executions, InputSummary input)
{
    public IReadOnlyList<TestExecution> Executions { get; } = executions;

    public InputSummary Input { get; } = input;
}
