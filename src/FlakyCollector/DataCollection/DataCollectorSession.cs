using System.Collections.Concurrent;
using FlakyCollector.Tracing;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;

namespace FlakyCollector.DataCollection;

/// <summary>
/// What the out-of-process collector does, behind <see cref="FlakyTraceDataCollector"/>: it times
/// each test from vstest's start and end events, and hands the trace file to vstest as the run's
/// attachment. Its inputs are narrow (vstest's events, sink and logger, the environment, a clock, a
/// folder for the file), so its logic is tested without vstest.
/// </summary>
internal sealed class DataCollectorSession(Func<string, string?> environment, TimeProvider clock, Func<string> temporaryFolder)
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> started = new();
    private TestRunTracer? tracer;
    private DataCollectionSink? sink;
    private DataCollectionContext? sessionContext;
    private IRunReport? report;

    public void Initialize(string? configurationXml, DataCollectionEvents events, DataCollectionSink dataSink, DataCollectionLogger logger, DataCollectionContext? context)
    {
        try
        {
            sink = dataSink;
            sessionContext = context ?? throw new InvalidOperationException("vstest gave the collector no session context");
            // vstest prints a collector's warnings, not its informational lines, so both go as warnings.
            // The file is written to a temporary folder and handed to vstest, which moves it: name the attachment, not that path.
            report = new LineRunReport(line => logger.LogWarning(sessionContext, AsAttachment(line)), line => logger.LogWarning(sessionContext, line));
            tracer = TraceSession.Start(new TraceSessionOptions
            {
                RunSettings = Configuration.ConfigurationXml.Values(configurationXml),
                Environment = environment,
                Report = report,
                ResultsDirectory = temporaryFolder,
                FrontEndDefaults = settings => settings with { OutputDirectory = null, TestRunId = settings.TestRunId ?? Guid.NewGuid().ToString() },
            });
            if (tracer is null)
            {
                return;
            }

            report.Warning("running without the FlakyCollector package's build integration (vstest.console or an IDE): tests are timed from vstest's events and failures carry no message. Run `dotnet test --collect FlakyTrace` on a project that references the package for full traces");
            events.TestCaseStart += (_, e) => started[e.TestElement?.Id ?? Guid.Empty] = clock.GetUtcNow();
            events.TestCaseEnd += OnTestCaseEnd;
            events.SessionEnd += OnSessionEnd;
        }
        catch (Exception ex)
        {
            // Without a session context there is no way to report; vstest logs the exception with --diag.
            report?.Warning($"could not start: {ex.GetType().Name}: {ex.Message}. The tests run untraced.");
        }
    }

    private void OnTestCaseEnd(object? sender, TestCaseEndEventArgs e)
    {
        if (e.TestElement is not { } testCase)
        {
            return;
        }

        var end = clock.GetUtcNow();
        var start = started.TryRemove(testCase.Id, out var s) ? s : end;
        tracer?.OnTestCompleted(new CompletedTest
        {
            FullyQualifiedName = testCase.FullyQualifiedName,
            DisplayName = testCase.DisplayName,
            Source = testCase.Source,
            ExecutorUri = testCase.ExecutorUri,
            CodeFilePath = testCase.CodeFilePath,
            LineNumber = testCase.LineNumber,
            Outcome = TestOutcomeText.FromVstest(e.TestOutcome.ToString()),
            StartTime = start,
            EndTime = end,
            Duration = end - start,
        });
    }

    private void OnSessionEnd(object? sender, SessionEndEventArgs e)
    {
        try
        {
            tracer?.Complete(aborted: false);
            if (tracer?.FilePath is { } path && sink is not null && sessionContext is not null)
            {
                sink.SendFileAsync(new FileTransferInformation(sessionContext, path, deleteFile: true));
            }
        }
        catch (Exception ex)
        {
            report?.Warning($"could not finish: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private string AsAttachment(string line) =>
        tracer?.FilePath is { } path
            ? line.Replace(path, $"{Path.GetFileName(path)}, attached to the run (vstest lists where it put it under Attachments)", StringComparison.Ordinal)
            : line;
}
