using System.Collections.Concurrent;
using System.Xml;
using FlakyCollector.Configuration;
using FlakyCollector.Export;
using FlakyCollector.Logging;
using FlakyCollector.Tracing;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;

namespace FlakyCollector.DataCollection;

/// <summary>
/// The out-of-process FlakyTrace collector, so that <c>--collect FlakyTrace</c> resolves where the
/// package's .targets do not run (vstest.console, an IDE, a collector given by path). It sees only
/// vstest's start and end events, so tests are timed coarsely and failures carry no message; it
/// says so once. Under <c>dotnet test</c> with the package it is never started.
/// </summary>
[DataCollectorFriendlyName(SettingNames.FriendlyName)]
[DataCollectorTypeUri(SettingNames.DataCollectorUri)]
public sealed class FlakyTraceDataCollector : DataCollector
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> started = new();
    private TestRunTracer? tracer;
    private DataCollectionSink? sink;
    private DataCollectionContext? sessionContext;
    private IRunReport? report;

    static FlakyTraceDataCollector() => CollectorAssemblyResolver.Register();

    public override void Initialize(XmlElement? configurationElement, DataCollectionEvents events, DataCollectionSink dataSink,
        DataCollectionLogger logger, DataCollectionEnvironmentContext? environmentContext)
    {
        try
        {
            sink = dataSink;
            sessionContext = environmentContext?.SessionDataCollectionContext
                ?? throw new InvalidOperationException("vstest gave the collector no session context");
            // vstest prints a collector's warnings, not its informational lines, so both go as warnings.
            // The file is written to a temporary folder and handed to vstest, which moves it: name the attachment, not that path.
            report = new LineRunReport(line => logger.LogWarning(sessionContext, AsAttachment(line)), line => logger.LogWarning(sessionContext, line));
            tracer = TraceSession.Start(new TraceSessionOptions
            {
                RunSettings = ConfigurationXml.Values(configurationElement?.OuterXml),
                Environment = Environment.GetEnvironmentVariable,
                Report = report,
                // The file goes to a temporary folder, and vstest moves the attachment where it wants it.
                ResultsDirectory = () => Directory.CreateTempSubdirectory("flakytrace-").FullName,
                FrontEndDefaults = settings => settings with { OutputDirectory = null, TestRunId = settings.TestRunId ?? Guid.NewGuid().ToString() },
            });
            if (tracer is null)
            {
                return;
            }

            report.Warning("running without the FlakyCollector package's build integration (vstest.console or an IDE): tests are timed from vstest's events and failures carry no message. Run `dotnet test --collect FlakyTrace` on a project that references the package for full traces");
            events.TestCaseStart += (_, e) => started[e.TestElement?.Id ?? Guid.Empty] = DateTimeOffset.UtcNow;
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

        var end = DateTimeOffset.UtcNow;
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
