using FlakyCollector.Analysis.Tests;
using FlakyCollector.Analysis.Tests.Samples;

namespace FlakyTrace.Cli.Tests;

/// <summary>Generated traces of the sample suite (five flaky tests, one broken, stable ones), written once per test class.</summary>
public sealed class SampleRunsFixture : IDisposable
{
    private readonly SampleDirectory _directory = new();

    public SampleRunsFixture()
    {
        new SampleSuiteGenerator(2) { Runs = 30 }.WriteTo(Path.Combine(_directory.Path, "flaky"));
        var stable = Path.Combine(_directory.Path, "stable");
        Directory.CreateDirectory(stable);
        // One run cannot be flaky, whatever failed in it: no test both passed and failed.
        new SampleSuiteGenerator(5) { Runs = 1 }.WriteTo(stable);
        Empty = Path.Combine(_directory.Path, "empty");
        Directory.CreateDirectory(Empty);
        File.WriteAllText(Path.Combine(Empty, "nothing.otlp.jsonl"), "{\"resourceSpans\":[]}\n");
    }

    public string Root => _directory.Path;

    public string Flaky => Path.Combine(_directory.Path, "flaky");

    public string Stable => Path.Combine(_directory.Path, "stable");

    public string Empty { get; }

    public void Dispose() => _directory.Dispose();
}
