using FlakyCollector.Analysis.Tests;
using FlakyCollector.Analysis.Tests.Samples;

namespace FlakyTrace.Cli.Tests;

/// <summary>Generated CI history (a race, an outage cluster, a runtime-bound test, services' own file), written once per test class.</summary>
public sealed class CiHistoryRunsFixture : IDisposable
{
    private readonly SampleDirectory _directory = new();

    public CiHistoryRunsFixture() => new CiHistoryGenerator(1).WriteTo(Traces);

    public string Root => _directory.Path;

    public string Traces => Path.Combine(_directory.Path, "ci");

    public void Dispose() => _directory.Dispose();
}
