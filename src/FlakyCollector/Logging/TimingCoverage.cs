using FlakyCollector.Tracing;

namespace FlakyCollector.Logging;

/// <summary>
/// Counts, per test assembly, how its tests were timed, so that a project whose tests could not be
/// timed from inside (no hook compiled in: built before the package was added, opted out, or run in
/// a process FlakyTrace did not record) is named once at the end of the run, with what to do.
/// </summary>
internal sealed class TimingCoverage
{
    private readonly Dictionary<string, (int FromInside, int Coarse)> bySource = new(StringComparer.Ordinal);

    public void Add(CompletedTest test)
    {
        if (test.Outcome == TestOutcome.Skipped)
        {
            return;
        }

        var fromInside = test.Payload is { TestSpan: not null, Timing: "hook" };
        lock (bySource)
        {
            var (inside, coarse) = bySource.GetValueOrDefault(test.Source);
            bySource[test.Source] = fromInside ? (inside + 1, coarse) : (inside, coarse + 1);
        }
    }

    /// <summary>One line per test assembly none of whose tests was timed from inside.</summary>
    public IReadOnlyList<string> Warnings()
    {
        lock (bySource)
        {
            return bySource
                .Where(s => s.Value.FromInside == 0 && s.Value.Coarse > 0)
                .Select(s => $"{(s.Value.Coarse == 1 ? "the test" : $"the {s.Value.Coarse} tests")} of {Path.GetFileName(s.Key)} {(s.Value.Coarse == 1 ? "was" : "were")} timed from the test framework's events, not from inside the tests, and their HTTP calls are not their children: FlakyTrace's hook was not compiled into it. Rebuild the project with the FlakyCollector package referenced (and without <FlakyTraceHook>false</FlakyTraceHook>).")
                .ToList();
        }
    }
}
