using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Flakiness;

/// <summary>The result of the analysis: every test, flaky ones first by how many runs they disrupted.</summary>
public sealed record FlakinessReport(IReadOnlyList<TestSummary> Tests, InputSummary Input, int Runs, int Commits)
{
    public IEnumerable<TestSummary> FlakyTests => Tests.Where(t => t.Flaky);

    public int FlakyCount => Tests.Count(t => t.Flaky);
}
