using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Reading;
using FlakyCollector.Analysis.Tests.Samples;

namespace FlakyCollector.Analysis.Tests.Reading;

public sealed class TraceInputReaderTests
{
    private const string Trace = "5b8efff798038103d269b633813fc60c";
    private static readonly OtlpLineWriter Writer = new();

    [Fact]
    public void Read_Directory_FindsFilesRecursivelyAndGroupsChildrenAcrossFiles()
    {
        using var directory = new SampleDirectory();
        directory.File("a/run.otlp.jsonl", Line(Test(Trace, "A.One")));
        directory.File("b/deeper/services.otlp.jsonl", Line(Child(Trace, "SELECT x", 5)), Line(Child(Trace, "SELECT x", 7, "0000000000000003")));
        directory.File("b/notes.txt", "ignored: not a trace file");

        var corpus = TraceInputReader.Read([directory.Path]);

        Assert.Equal(2, corpus.Input.Files.Count);
        var execution = Assert.Single(corpus.Executions);
        Assert.Equal("A.One", execution.Name);
        var child = Assert.Single(execution.Children);
        Assert.Equal(("SELECT x", 2, 12_000_000L), (child.Label, child.Count, child.TotalNanos));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Read_SameSpanInTwoFiles_CountsItOnce(int parallelism)
    {
        using var directory = new SampleDirectory();
        var server = Child(Trace, "GET /api/bins", 4, "0000000000000009");
        directory.File("a/tests.otlp.jsonl", Line(Test(Trace, "A.One")), Line(Child(Trace, "HTTP GET", 5)), Line(server));
        directory.File("b/otelcol.jsonl", Line(server), Line(Child(Trace, "SELECT bins", 2, "000000000000000a")));

        var corpus = TraceInputReader.Read([directory.Path], new TraceReadOptions { MaxDegreeOfParallelism = parallelism, RetainDetails = true });

        var execution = Assert.Single(corpus.Executions);
        Assert.Equal(["GET /api/bins:1:4000000", "HTTP GET:1:5000000", "SELECT bins:1:2000000"], execution.Children.OrderBy(c => c.Label, StringComparer.Ordinal).Select(c => $"{c.Label}:{c.Count}:{c.TotalNanos}"));
        Assert.Equal(3, execution.Details.Count);
        Assert.Equal(1, corpus.Input.DuplicateSpans);
    }

    [Fact]
    public void Read_RuntimeAndLateMark_FromResourceAndSpan()
    {
        using var directory = new SampleDirectory();
        var late = Child(Trace, "SendConfirmation", 20) with { Attributes = [new("flakytrace.span.late", true)] };
        var file = directory.File(
            "run.otlp.jsonl",
            Writer.Line([new("service.name", "t"), new("process.runtime.name", ".NET"), new("process.runtime.version", "8.0.11")], [Test(Trace, "A.One"), late]));

        var execution = Assert.Single(TraceInputReader.Read([file]).Executions);

        Assert.Equal(".NET 8", execution.Runtime);
        var child = Assert.Single(execution.Children);
        Assert.Equal((1, 22_000_000L), (child.LateSpans, child.LastEndNanos));
    }

    [Fact]
    public void Read_UnfinishedSpan_CountedLateWithNoDuration()
    {
        // The collector filed it when the run ended without it: its end is when it gave up waiting, a second later.
        using var directory = new SampleDirectory();
        var unfinished = Child(Trace, "GET /orders/{id}", 1_000) with { Attributes = [new("flakytrace.span.late", true), new("flakytrace.span.unfinished", true)] };
        var file = directory.File("run.otlp.jsonl", Writer.Line([new("service.name", "t")], [Test(Trace, "A.One"), unfinished]));

        var child = Assert.Single(Assert.Single(TraceInputReader.Read([file]).Executions).Children);

        Assert.Equal((1, 1, 0L, 0L), (child.Count, child.LateSpans, child.TotalNanos, child.MaxNanos));
    }

    [Fact]
    public void Read_MalformedLines_CountsAndReportsFileAndLine()
    {
        using var directory = new SampleDirectory();
        var file = directory.File("run.otlp.jsonl", Line(Test(Trace, "A.One")), "{broken", "", "[]", Line(Test("6b8efff798038103d269b633813fc60c", "A.Two")));

        var corpus = TraceInputReader.Read([file]);

        Assert.Equal(2, corpus.Executions.Count);
        Assert.Equal(2, corpus.Input.MalformedLineCount);
        Assert.Equal([2L, 4L], corpus.Input.Malformed.Select(m => m.Line));
        Assert.All(corpus.Input.Malformed, m => Assert.Equal(Path.GetFullPath(file), m.File));
        Assert.StartsWith($"{Path.GetFullPath(file)}:2: ", corpus.Input.Malformed[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SmallChunks_GivesSameResultAndLineNumbersAsOneChunk()
    {
        using var directory = new SampleDirectory();
        new SampleSuiteGenerator(7) { Runs = 3 }.WriteTo(directory.Path);
        var file = Directory.EnumerateFiles(directory.Path, "Shop.*.jsonl", SearchOption.AllDirectories).First();
        var lines = File.ReadAllLines(file).ToList();
        lines.Insert(10, "{oops");
        lines.Insert(25, "{oops again");
        File.WriteAllLines(file, lines);

        var whole = TraceInputReader.Read([directory.Path], new TraceReadOptions { MaxDegreeOfParallelism = 1 });
        var chunked = TraceInputReader.Read([directory.Path], new TraceReadOptions { ChunkBytes = 2048, MaxDegreeOfParallelism = 4 });

        Assert.Equal(Fingerprint(whole), Fingerprint(chunked));
        Assert.Equal(whole.Input.Lines, chunked.Input.Lines);
        Assert.Equal([11L, 26L], chunked.Input.Malformed.Select(m => m.Line));
    }

    [Fact]
    public void Read_SameFileTwiceAndDuplicateSpans_CountsExecutionOnce()
    {
        using var directory = new SampleDirectory();
        var file = directory.File("run.otlp.jsonl", Line(Test(Trace, "A.One")), Line(Test(Trace, "A.One")));

        var corpus = TraceInputReader.Read([file, file, directory.Path]);

        Assert.Single(corpus.Executions);
        Assert.Equal(1, corpus.Input.DuplicateTestSpans);
    }

    [Fact]
    public void Read_RunSpansAndOrphans_IgnoresRunTracesAndCountsOrphans()
    {
        using var directory = new SampleDirectory();
        var run = new SampleSpan("7b8efff798038103d269b633813fc60c", "1111111111111111", null, "test run", 1, 0, 10, "FlakyTrace")
        {
            Attributes = [new("test.suite.run.status", "success")],
        };
        var file = directory.File(
            "run.otlp.jsonl",
            Line(Child("7b8efff798038103d269b633813fc60c", "setup", 1)),
            Line(run),
            Line(Child("8b8efff798038103d269b633813fc60c", "stray", 1)),
            Line(Test(Trace, "A.One")));

        var corpus = TraceInputReader.Read([file]);

        Assert.Single(corpus.Executions);
        Assert.Equal(1, corpus.Input.OrphanSpans);
    }

    [Fact]
    public void Read_PendingLimitReached_DropsFurtherOrphanSpans()
    {
        using var directory = new SampleDirectory();
        var file = directory.File("run.otlp.jsonl", Line(Child("9b8efff798038103d269b633813fc60c", "a", 1)), Line(Child("ab8efff798038103d269b633813fc60c", "b", 1)));

        var corpus = TraceInputReader.Read([file], new TraceReadOptions { PendingTraceLimit = 1 });

        Assert.Equal(1, corpus.Input.DroppedSpans);
        Assert.Equal(1, corpus.Input.OrphanSpans);
    }

    [Fact]
    public void Read_LogsDataLines_TemplatesAndMarksUnderTheirTest_NoMalformedLine()
    {
        using var directory = new SampleDirectory();
        var logs = "{\"resourceLogs\":[{\"resource\":{\"attributes\":[]},\"scopeLogs\":[{\"scope\":{\"name\":\"WebAppPrices.PriceCache\"},\"logRecords\":["
            + "{\"timeUnixNano\":\"4000000\",\"severityNumber\":13,\"body\":{\"stringValue\":\"Used the cached price 9.99 for A-1\"},\"attributes\":[{\"key\":\"log.record.template\",\"value\":{\"stringValue\":\"Used the cached price {Price} for {Sku}\"}}],\"traceId\":\"" + Trace + "\",\"spanId\":\"0000000000000002\"},"
            + "{\"timeUnixNano\":\"5000000\",\"severityNumber\":9,\"body\":{\"stringValue\":\"took 42 ms at 12:01:02\"},\"traceId\":\"" + Trace + "\",\"spanId\":\"eee19b7ec3c1b174\"},"
            + "{\"timeUnixNano\":\"6000000\",\"body\":{\"stringValue\":\"no trace: no test's\"}}]}]}]}";
        var file = directory.File("run.otlp.jsonl", Line(Test(Trace, "A.One")), logs);

        var corpus = TraceInputReader.Read([file], new TraceReadOptions { RetainDetails = true });

        Assert.Equal(0, corpus.Input.MalformedLineCount);
        var execution = Assert.Single(corpus.Executions);
        Assert.Equal(["Used the cached price {Price} for {Sku}", "took {n} ms at {time}"], execution.LogTemplates.Order(StringComparer.Ordinal));
        Assert.Equal([(4_000_000L, 2UL, 13), (5_000_000L, 0xeee19b7ec3c1b174UL, 9)], execution.Logs.Select(l => (l.TimeNanos, l.SpanId, l.Severity)));
    }

    [Fact]
    public void Read_MissingPath_Throws() =>
        Assert.Throws<FileNotFoundException>(() => TraceInputReader.Read(["/no/such/flakytrace/input"]));

    private static string Fingerprint(TraceCorpus corpus) => string.Join(
        "\n",
        corpus.Executions.OrderBy(e => e.TraceId)
            .Select(e => $"{e.TraceIdHex} {e.Name} {e.Outcome} {e.RunId} {string.Join(",", e.Children.OrderBy(c => c.Label).Select(c => $"{c.Label}:{c.Count}:{c.TotalNanos}:{c.HttpStatusCode}"))}"));

    private static string Line(SampleSpan span) => Writer.Line([new("service.name", "t")], [span]);

    private static SampleSpan Test(string trace, string name) => new(trace, "eee19b7ec3c1b174", null, name, 1, 1_000_000, 9_000_000, "FlakyTrace")
    {
        Attributes = [new("test.case.name", name), new("test.case.result.status", "pass"), new("test.run.id", "r1")],
    };

    private static SampleSpan Child(string trace, string name, double ms, string spanId = "0000000000000002") =>
        new(trace, spanId, "eee19b7ec3c1b174", name, 3, 2_000_000, 2_000_000 + (long)(ms * 1e6), "Npgsql");
}
