using System.Collections.Concurrent;
using System.Globalization;
using FlakyCollector.Configuration;
using FlakyCollector.Export;
using FlakyCollector.Metadata;
using FlakyCollector.Spans;

namespace FlakyCollector.Tracing;

/// <summary>
/// Turns the finished tests of one vstest run into spans, appends each test's trace to the
/// <c>.otlp.jsonl</c> file as it ends, and at the end of the run sends all spans over OTLP within
/// the export timeout. Every problem becomes one warning; none reaches the test run.
/// </summary>
public sealed class TestRunTracer : IDisposable
{
    private readonly FlakyTraceSettings settings;
    private readonly string outputDirectory;
    private readonly IRunReport report;
    private readonly Func<FlakyTraceSettings, ITraceExporter?> createExporter;
    private readonly ConcurrentDictionary<string, int> attempts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<SpanAttribute>> resources = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SpanData>> spansBySource = new(StringComparer.Ordinal);
    private readonly HashSet<string> reported = new(StringComparer.Ordinal);
    private readonly object fileGate = new();
    private readonly RunStructure run;
    private readonly PassingTestSampler sampler;
    private OtlpJsonLinesFileWriter? file;
    private int testCount;
    private int sampledOut;

    private readonly Func<string, string?> environment;

    public TestRunTracer(FlakyTraceSettings settings, string resultsDirectory, IRunReport report, Func<FlakyTraceSettings, ITraceExporter?> createExporter,
        Func<string, string?>? environment = null)
    {
        this.environment = environment ?? Environment.GetEnvironmentVariable;
        this.settings = settings;
        this.report = report;
        this.createExporter = createExporter;
        outputDirectory = Path.GetFullPath(settings.OutputDirectory ?? resultsDirectory);
        run = new RunStructure(settings.TestRunId, TestResource.CollectorVersion);
        sampler = new PassingTestSampler(settings.PassingSampleRatio);
    }

    /// <summary>The file the spans go to, once the first test has ended.</summary>
    public string? FilePath => file?.Path;

    public void OnTestCompleted(CompletedTest test)
    {
        try
        {
            var payload = test.Payload;
            foreach (var warning in payload?.Warnings ?? [])
            {
                WarnOnce(warning);
            }

            var resource = resources.GetOrAdd(test.Source, source =>
                TestResource.Build(source, settings, payload?.Runtime, RunMetadata.Detect(environment, Path.GetDirectoryName(source))));
            var spans = new List<SpanData>();
            var kept = new HashSet<string>(StringComparer.Ordinal);
            foreach (var execution in Executions(test))
            {
                var testSpan = Build(execution);
                if (testSpan is not null)
                {
                    spans.Add(testSpan);
                    kept.Add(testSpan.TraceId);
                }
            }

            // A test's children go (or are left out) with it; work outside any test is always kept.
            spans.AddRange((payload?.Children ?? []).Where(c => kept.Contains(c.TraceId)));
            spans.AddRange(payload?.Detached ?? []);
            run.AddDetachedRoots(test.Source, payload?.Detached ?? []);
            Write(test.Source, resource, spans);
        }
        catch (Exception ex)
        {
            WarnOnce($"could not record a test: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Ends the run: closes the file, exports, and tells the user where the traces went.</summary>
    public void Complete(bool aborted)
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
                report.Warning($"the test run was aborted (the test process may have crashed); the traces of the {testCount} tests that finished are kept.");
            }

            if (file is not null)
            {
                var sampled = sampledOut > 0 ? $" ({sampledOut} passing tests left out by SampleRatio {sampler.Ratio.ToString(CultureInfo.InvariantCulture)})" : string.Empty;
                report.Info($"{testCount - sampledOut} test traces written to {file.Path}{sampled}");
            }

            Export();
        }
        catch (Exception ex)
        {
            WarnOnce($"could not finish the run's traces: {ex.GetType().Name}: {ex.Message}");
        }
    }

    public void Dispose() => file?.Dispose();

    // The executions vstest reported as one result: earlier attempts the framework retried and
    // did not report (they failed, or it would not have retried), then the reported one.
    private static IEnumerable<CompletedTest> Executions(CompletedTest test)
    {
        foreach (var earlier in test.Payload?.PreviousAttempts ?? [])
        {
            yield return test with
            {
                Outcome = "Failed",
                ErrorMessage = RetriedMessage,
                ErrorStackTrace = null,
                Output = null,
                ErrorOutput = null,
                Payload = test.Payload! with { TestSpan = earlier, ExceptionType = null, PreviousAttempts = [], Children = [], Detached = [] },
            };
        }

        yield return test;
    }

    private const string RetriedMessage = "failed, and the test framework retried it; it reports only the last attempt's result";

    /// <summary>Builds one execution's test span, or null when sampling leaves it out.</summary>
    private SpanData? Build(CompletedTest execution)
    {
        var caseName = TestCaseNaming.CaseName(execution.FullyQualifiedName, execution.DisplayName);
        var attempt = attempts.AddOrUpdate(execution.Source + "|" + caseName, 1, (_, n) => n + 1);
        var unlinked = TestSpanBuilder.Build(execution, settings.TestRunId, attempt, TestResource.CollectorVersion);
        var link = run.Register(execution.Source, TestCaseNaming.SuiteName(execution.FullyQualifiedName), unlinked, execution.Outcome);
        Interlocked.Increment(ref testCount);
        if (sampler.Keep(unlinked.TraceId, unlinked.StatusCode == SpanStatusCode.Error, attempt))
        {
            return unlinked with { Links = [link] };
        }

        Interlocked.Increment(ref sampledOut);
        return null;
    }

    private void Write(string source, IReadOnlyList<SpanAttribute> resource, IReadOnlyList<SpanData> spans)
    {
        if (spans.Count == 0)
        {
            return;
        }

        OpenFile(resource).Append(resource, spans);
        if (settings.TracesEndpoint is not null)
        {
            var queue = spansBySource.GetOrAdd(source, _ => new ConcurrentQueue<SpanData>());
            foreach (var span in spans)
            {
                queue.Enqueue(span);
            }
        }
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
                file = new OtlpJsonLinesFileWriter(Path.Combine(outputDirectory, "flakytrace", $"{Sanitize(service)}_{stamp}_{unique}{OtlpJsonLinesFileWriter.FileExtension}"));
            }

            return file;
        }
    }

    private void Export()
    {
        if (settings.TracesEndpoint is null || spansBySource.IsEmpty)
        {
            return;
        }

        using var exporter = createExporter(settings);
        if (exporter is null)
        {
            return;
        }

        var sent = 0;
        using var deadline = new CancellationTokenSource(settings.ExportTimeout);
        foreach (var (source, spans) in spansBySource)
        {
            var result = exporter.ExportAsync(resources[source], spans.ToArray(), deadline.Token).GetAwaiter().GetResult();
            sent += result.ExportedSpanCount;
            if (!result.Succeeded)
            {
                report.Warning($"{result.Error} The spans are in the file.");
                return;
            }
        }

        report.Info($"{sent} spans sent to {settings.TracesEndpoint} ({(settings.Protocol == OtlpProtocol.Grpc ? SettingNames.ProtocolGrpc : SettingNames.ProtocolHttpProtobuf)})");
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
