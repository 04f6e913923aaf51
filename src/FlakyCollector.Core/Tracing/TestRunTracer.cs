using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using FlakyCollector.Configuration;
using FlakyCollector.Export;
using FlakyCollector.Metadata;
using FlakyCollector.Spans;

namespace FlakyCollector.Tracing;

/// <summary>
/// Turns the finished tests of one vstest run into spans, appends each test's trace to the
/// <c>.otlp.jsonl</c> file as it ends, and at the end of the run writes the run's own trace and
/// sends everything over OTLP. Every problem becomes one warning; none reaches the test run.
/// </summary>
internal sealed class TestRunTracer : IDisposable
{
    private readonly FlakyTraceSettings settings;
    private readonly string outputDirectory;
    private readonly IRunReport report;
    private readonly Func<string, string?> environment;
    private readonly TimeSpan fileWriteBehind;
    private readonly ConcurrentDictionary<string, IReadOnlyList<SpanAttribute>> resources = new(StringComparer.Ordinal);
    private readonly HashSet<string> reported = new(StringComparer.Ordinal);
    private readonly object fileGate = new();
    private readonly RunStructure run;
    private readonly PassingTestSampler sampler;
    private readonly TestSpanSelection selection;
    private readonly RunExport export;
    private readonly RunLogExport logExport;
    private readonly FixtureLinks fixtures = new();
    // Traces of tests that sampling left out: their late log records go too. Empty at SampleRatio 1.
    private readonly HashSet<string> sampledOut = new(StringComparer.Ordinal);
    private OtlpJsonLinesFileWriter? file;

    public TestRunTracer(FlakyTraceSettings settings, string resultsDirectory, IRunReport report, Func<FlakyTraceSettings, ITraceExporter?> createExporter,
        Func<string, string?>? environment = null, TimeSpan fileWriteBehind = default)
    {
        this.settings = settings;
        this.fileWriteBehind = fileWriteBehind;
        this.report = report;
        this.environment = environment ?? Environment.GetEnvironmentVariable;
        outputDirectory = Path.GetFullPath(settings.OutputDirectory ?? resultsDirectory);
        run = new RunStructure(settings.TestRunId, TestResource.CollectorVersion);
        sampler = new PassingTestSampler(settings.PassingSampleRatio);
        selection = new TestSpanSelection(settings.TestRunId, run, sampler) { Quarantine = QuarantineList.Load(settings, report), ServiceName = settings.ServiceName };
        export = new RunExport(settings, createExporter);
        logExport = new RunLogExport(settings);
    }

    public FlakyTraceSettings Settings => settings;

    /// <summary>The file the spans go to, once the first test has ended.</summary>
    public string? FilePath => file?.Path;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnTestCompleted(CompletedTest test)
    {
        try
        {
            var payload = test.Payload;
            foreach (var warning in payload?.Warnings ?? [])
            {
                WarnOnce(warning);
            }

            var resource = ResourceOf(test.Source, payload?.Runtime);
            var detached = payload?.Detached ?? [];
            // Fixture work travels before or with the first result of a test it served: learn it first.
            fixtures.Add(detached);

            var testSpans = new List<SpanData>(1);
            foreach (var execution in TestExecutions.Of(test))
            {
                if (selection.Select(execution) is { } selected)
                {
                    testSpans.Add(fixtures.Link(selected, payload?.TestSpan?.Links));
                }
                else if (execution.Payload?.TestSpan?.TraceId is { } left)
                {
                    lock (sampledOut)
                    {
                        sampledOut.Add(left);
                    }
                }
            }

            var spans = WithWhatTheyCaused(testSpans, payload?.Children ?? [], detached);
            run.AddDetachedRoots(test.Source, detached);

            Write(test.Source, resource, spans);
            if (settings.Logs)
            {
                var logs = TestLogRecords.Of(test, testSpans, IsKept);
                if (logs.Count > 0)
                {
                    OpenFile(resource).AppendLogs(resource, logs);
                    logExport.Add(resource, logs);
                }
            }
        }
        catch (Exception ex)
        {
            WarnOnce($"could not record a test: {ex.GetType().Name}: {ex.Message}");
        }
    }

    // A passing test with nothing recorded is most results: its span alone, with no set or list made.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IReadOnlyList<SpanData> WithWhatTheyCaused(List<SpanData> testSpans, IReadOnlyList<SpanData> children, IReadOnlyList<SpanData> detached)
    {
        if (children.Count == 0 && detached.Count == 0)
        {
            return testSpans;
        }

        // A test's children go (or are left out) with it; work outside any test is always kept.
        var spans = new List<SpanData>(testSpans.Count + children.Count + detached.Count);
        spans.AddRange(testSpans);
        foreach (var child in children)
        {
            if (testSpans.Exists(t => t.TraceId == child.TraceId))
            {
                spans.Add(child);
            }
        }

        spans.AddRange(detached);
        return spans;
    }

    // Looked up for every result: the lambda (and the closure it needs) lives only on the path that builds one.
    private IReadOnlyList<SpanAttribute> ResourceOf(string source, string? runtime) =>
        resources.TryGetValue(source, out var known) ? known : BuildResource(source, runtime);

    private IReadOnlyList<SpanAttribute> BuildResource(string source, string? runtime) =>
        resources.GetOrAdd(source, s => TestResource.Build(s, settings, runtime, RunMetadata.Detect(environment, Path.GetDirectoryName(s))));

    /// <summary>
    /// Work that ended after the last test of <paramref name="source"/> had been reported: late
    /// spans of tests (still in their tests' traces) and work outside tests.
    /// </summary>
    public void OnWorkAfterLastTest(string source, IReadOnlyList<SpanData> spans, IReadOnlyList<LogRecordData>? lateLogs = null)
    {
        try
        {
            var logs = settings.Logs ? (lateLogs ?? []).Where(r => r.TraceId is { } trace && IsKept(trace)).ToList() : [];
            if (spans.Count == 0 && logs.Count == 0)
            {
                return;
            }

            var resource = ResourceOf(source, runtime: null);
            run.AddDetachedRoots(source, spans);
            Write(source, resource, spans);
            if (logs.Count > 0)
            {
                OpenFile(resource).AppendLogs(resource, logs);
                logExport.Add(resource, logs);
            }
        }
        catch (Exception ex)
        {
            WarnOnce($"could not record the work that ended after the last test: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Ends the run: writes the run's trace, closes the file, exports, and tells the user where the traces went.</summary>
    /// <param name="aborted">The run did not reach its end.</param>
    /// <param name="cause">What the warning gives as the likely cause of an aborted run.</param>
    public void Complete(bool aborted, string cause = "the test process may have crashed")
    {
        try
        {
            foreach (var (source, resource) in resources)
            {
                Write(source, resource, run.Build(source, aborted));
            }

            lock (fileGate)
            {
                file?.Dispose();
            }

            if (aborted)
            {
                report.Warning($"the test run was aborted ({cause}); {(selection.Total == 1 ? "the trace of the test that finished is kept." : $"the traces of the {selection.Total} tests that finished are kept.")}");
            }

            if (file is not null)
            {
                var sampled = selection.SampledOut > 0
                    ? $" ({selection.SampledOut} passing tests left out by SampleRatio {sampler.Ratio.ToString(CultureInfo.InvariantCulture)})"
                    : string.Empty;
                report.Info($"{selection.Total - selection.SampledOut} test traces written to {file.Path}{sampled}");
            }

            export.Send(report);
            logExport.Send(report, export.Failed);
        }
        catch (Exception ex)
        {
            WarnOnce($"could not finish the run's traces: {ex.GetType().Name}: {ex.Message}");
        }
    }

    public void Dispose()
    {
        file?.Dispose();
        export.Dispose();
        logExport.Dispose();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Write(string source, IReadOnlyList<SpanAttribute> resource, IReadOnlyList<SpanData> spans)
    {
        if (spans.Count == 0)
        {
            return;
        }

        OpenFile(resource).Append(resource, spans);
        export.Add(resource, spans);
    }

    private OtlpJsonLinesFileWriter OpenFile(IReadOnlyList<SpanAttribute> resource)
    {
        lock (fileGate)
        {
            if (file is null)
            {
                var service = resource.FirstOrDefault(a => a.Key == "service.name").Value as string ?? "tests";
                var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
                var unique = Guid.NewGuid().ToString("N")[..6];
                file = new OtlpJsonLinesFileWriter(Path.Combine(outputDirectory, "flakytrace", $"{Sanitize(service)}_{stamp}_{unique}{OtlpJsonLinesFileWriter.FileExtension}"), writeBehind: fileWriteBehind);
            }

            return file;
        }
    }

    /// <summary>Whether a late log record's trace, a test's that ended earlier, is kept.</summary>
    private bool IsKept(string traceId)
    {
        lock (sampledOut)
        {
            return !sampledOut.Contains(traceId);
        }
    }

    private void WarnOnce(string message)
    {
        lock (reported)
        {
            if (!reported.Add(message))
            {
                return;
            }
        }

        report.Warning(message);
    }

    private static string Sanitize(string name) =>
        string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
}
