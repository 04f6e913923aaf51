using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Reading;

namespace FlakyTrace.Cli;

/// <summary>
/// What one <c>dotnet test</c> run of a repro experiment recorded: each test's final execution
/// (the last attempt), and whether the test process marked any span as injected.
/// </summary>
internal sealed class ReproRun
{
    private ReproRun(IReadOnlyList<TestExecution> executions, bool injected)
    {
        Executions = executions;
        Injected = injected;
    }

    public IReadOnlyList<TestExecution> Executions { get; }

    public bool Injected { get; }

    public static ReproRun Read(string directory)
    {
        var files = Directory.Exists(directory) ? Directory.EnumerateFiles(directory, "*.otlp.jsonl", SearchOption.AllDirectories).ToList() : [];
        if (files.Count == 0)
        {
            return new ReproRun([], false);
        }

        var corpus = TraceInputReader.Read([directory], new TraceReadOptions());
        var injected = files.Any(f => File.ReadLines(f).Any(line => line.Contains(FlakyCollector.Analysis.Repro.ReproNames.InjectedAttribute, StringComparison.Ordinal)));
        return new ReproRun(corpus.Executions, injected);
    }

    /// <summary>The test's last attempt in this run, or null when it did not run.</summary>
    public TestExecution? Final(string test) =>
        Executions.Where(e => e.Name == test && e.Outcome != TestOutcome.Skipped).MaxBy(e => (e.Attempt, e.StartNanos));

    /// <summary>Whether <paramref name="predecessor"/> ended before the test's own work began, in the same process.</summary>
    public bool RanBefore(string predecessor, string test) =>
        Final(test) is { } execution && FlakyCollector.Analysis.Repro.ReproOrder.RanBefore(Executions, predecessor, execution);

    /// <summary>Whether any of <paramref name="others"/> (any other test, when null) ran while the test ran.</summary>
    public bool Overlapped(string test, IReadOnlyList<string>? others) =>
        Final(test) is { } execution
        && Executions.Any(e => e.Name != test && (others is null || others.Contains(e.Name))
            && e.StartNanos < execution.EndNanos && execution.StartNanos < e.EndNanos);
}
