using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Reading;
using FlakyCollector.Analysis.Rendering;

namespace FlakyCollector.Analysis.Tests.RealSuites;

/// <summary>
/// The same input gives the same report on any number of cores: every recorded run of every
/// suite read together, cut into small chunks so that traces straddle them, by one reader and by
/// several, whose partitions merge in whatever order their threads finish.
/// </summary>
public sealed class RecordedSuiteDeterminismTests
{
    [Fact]
    public void Analyze_AllRecordedRuns_SameReportWithOneOrSeveralReaders()
    {
        using var directory = new SampleDirectory();
        foreach (var name in RecordedSuite.Names())
        {
            var suite = RecordedSuite.Load(name);
            foreach (var label in suite.Labels())
            {
                suite.Extract(label, Path.Combine(directory.Path, name, label));
            }
        }

        var single = Report(directory.Path, readers: 1);
        for (var readers = 2; readers <= 4; readers++)
        {
            Assert.Equal(single, Report(directory.Path, readers));
        }
    }

    private static string Report(string path, int readers)
    {
        var corpus = TraceInputReader.Read([path], new TraceReadOptions { ChunkBytes = 16 * 1024, MaxDegreeOfParallelism = readers });
        var report = FlakinessAnalyzer.Analyze(corpus);
        using var json = new MemoryStream();
        JsonReportWriter.Write(report, json);
        using var markdown = new StringWriter();
        MarkdownReportWriter.Write(report, markdown, allTests: true);
        return System.Text.Encoding.UTF8.GetString(json.ToArray()) + markdown;
    }
}
