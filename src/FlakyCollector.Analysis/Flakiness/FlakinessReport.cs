using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Flakiness;

/// <summary>The result of the analysis: every test, flaky ones first by how many runs they disrupted.</summary>
public sealed record FlakinessReport(IReadOnlyList<TestSummary> Tests, InputSummary Input, int Runs, int Commits)
{
    /// <summary>Flaky tests that fail in the same runs, largest first; each test is in at most one.</summary>
    public IReadOnlyList<FailureCluster> Clusters { get; init; } = [];

    /// <summary>The runtimes seen (".NET 8", ".NET 10"); with more than one, outputs name each test's runtime.</summary>
    public IReadOnlyList<string> Runtimes { get; init; } = [];

    /// <summary>
    /// Test names that more than one service (test project) holds; outputs name the service of
    /// such a test, or two different tests would read as one.
    /// </summary>
    public IReadOnlySet<string> SharedNames { get; init; } = new HashSet<string>();

    /// <summary>What <c>flakytrace repro</c> found for these tests, when given (<c>--repro FILE</c>).</summary>
    public IReadOnlyList<Repro.ReproResult> Repro { get; init; } = [];

    /// <summary>Flaky tests in no cluster.</summary>
    public IEnumerable<TestSummary> FlakyAlone => FlakyTests.Where(t => !Clusters.Any(c => c.Tests.Any(m => ReferenceEquals(m, t))));

    public IEnumerable<TestSummary> FlakyTests => Tests.Where(t => t.Flaky);

    public int FlakyCount => Tests.Count(t => t.Flaky);

    /// <summary>repro's result for the test, if it was put to one.</summary>
    public Repro.ReproResult? ReproOf(TestSummary test) => Repro.LastOrDefault(r => r.Name == test.Name);
}
