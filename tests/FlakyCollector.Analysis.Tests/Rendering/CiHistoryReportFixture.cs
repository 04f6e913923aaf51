using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Reading;
using FlakyCollector.Analysis.Tests.Samples;

namespace FlakyCollector.Analysis.Tests.Rendering;

/// <summary>The CI-history corpus (race, outage cluster, runtime-bound test) read once and analyzed, for the renderer tests.</summary>
public sealed class CiHistoryReportFixture : IDisposable
{
    private readonly SampleDirectory _directory = new();

    public CiHistoryReportFixture()
    {
        new CiHistoryGenerator(2).WriteTo(_directory.Path);
        Report = FlakinessAnalyzer.Analyze(TraceInputReader.Read([_directory.Path]));
    }

    public FlakinessReport Report { get; }

    public void Dispose() => _directory.Dispose();
}
