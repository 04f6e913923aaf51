using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Reading;
using FlakyCollector.Analysis.Tests.Samples;

namespace FlakyCollector.Analysis.Tests.Rendering;

/// <summary>The sample suite read once (with details) and analyzed, shared by the renderer tests.</summary>
public sealed class SampleReportFixture : IDisposable
{
    private readonly SampleDirectory _directory = new();

    public SampleReportFixture()
    {
        new SampleSuiteGenerator(1) { Runs = 30 }.WriteTo(_directory.Path);
        File.AppendAllText(Path.Combine(_directory.Path, "run-001", "services.otlp.jsonl"), "{not json\n");
        Corpus = TraceInputReader.Read([_directory.Path], new TraceReadOptions { RetainDetails = true });
        Report = FlakinessAnalyzer.Analyze(Corpus);
    }

    public TraceCorpus Corpus { get; }

    public FlakinessReport Report { get; }

    public void Dispose() => _directory.Dispose();
}
