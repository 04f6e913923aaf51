namespace FlakyCollector.Analysis.History;

/// <summary>
/// One run's outcomes, kept column-wise so a run of 5,000 tests costs a few arrays: the tests
/// that ran (history test indexes, ascending), their durations, and the few that failed or were skipped.
/// A test that failed is listed in <see cref="Failures"/> and nowhere else; every other test that ran passed unless skipped.
/// </summary>
internal sealed class RunOutcomes
{
    public int[] Tests { get; set; } = [];

    /// <summary>Milliseconds, aligned with <see cref="Tests"/>: the longest execution of the test in the run.</summary>
    public int[] DurationsMs { get; set; } = [];

    /// <summary>Failed tests, ascending by test: the failure group and whether it also passed in the run (a retry).</summary>
    public RunFailure[] Failures { get; set; } = [];

    /// <summary>Tests that only skipped, ascending.</summary>
    public int[] Skipped { get; set; } = [];

    public bool Ran(int test) => Array.BinarySearch(Tests, test) >= 0;

    public int FailureIndex(int test)
    {
        int low = 0, high = Failures.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var at = Failures[middle].Test;
            if (at == test)
            {
                return middle;
            }

            if (at < test)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    public bool SkippedOnly(int test) => Array.BinarySearch(Skipped, test) >= 0;

    /// <summary>Renumbers tests (after the table was sorted or merged) and restores ascending order.</summary>
    public RunOutcomes Remap(int[] map)
    {
        var order = Enumerable.Range(0, Tests.Length).OrderBy(i => map[Tests[i]]).ToArray();
        return new RunOutcomes
        {
            Tests = [.. order.Select(i => map[Tests[i]])],
            DurationsMs = [.. order.Select(i => DurationsMs[i])],
            Failures = [.. Failures.Select(f => f with { Test = map[f.Test] }).OrderBy(f => f.Test)],
            Skipped = [.. Skipped.Select(t => map[t]).Order()],
        };
    }
}
