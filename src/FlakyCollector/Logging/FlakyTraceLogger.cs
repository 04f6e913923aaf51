using FlakyCollector.Configuration;
using FlakyCollector.Export;
using FlakyCollector.Tracing;
using FlakyCollector.Vstest;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace FlakyCollector.Logging;

/// <summary>
/// The part of FlakyTrace that runs in vstest.console, added by the package's .targets through the
/// run settings. It sees each test's full result (message, stack trace, output) and the recording
/// the test process attached to it, writes the traces and exports them. It only wires events.
/// </summary>
[FriendlyName(SettingNames.FriendlyName)]
[ExtensionUri(SettingNames.LoggerUri)]
public sealed class FlakyTraceLogger : ITestLoggerWithParameters
{
    private readonly IRunReport report = new LineRunReport(Console.Out.WriteLine);
    private readonly TimingCoverage timing = new();
    private TestRunTracer? tracer;
    private OutOfHostRecordings? outOfHost;
    private bool hangTimeout;

    static FlakyTraceLogger() => CollectorAssemblyResolver.Register();

    public void Initialize(TestLoggerEvents events, string testRunDirectory) =>
        Initialize(events, new Dictionary<string, string?> { [DefaultLoggerParameterNames.TestRunDirectory] = testRunDirectory });

    public void Initialize(TestLoggerEvents events, Dictionary<string, string?> parameters)
    {
        try
        {
            var resultsDirectory = parameters.GetValueOrDefault(DefaultLoggerParameterNames.TestRunDirectory) ?? "TestResults";
            // The parameters vstest adds itself (TestRunDirectory, TargetFramework) are known to the reader.
            var userSettings = parameters
                .Where(p => p.Value is not null)
                .ToDictionary(p => p.Key, p => p.Value!, StringComparer.OrdinalIgnoreCase);
            tracer = TraceSession.Start(new TraceSessionOptions
            {
                RunSettings = userSettings,
                Environment = Environment.GetEnvironmentVariable,
                Report = report,
                ResultsDirectory = () => resultsDirectory,
            });
            if (tracer is null)
            {
                return;
            }

            outOfHost = OutOfHostRecordings.Open(userSettings);
            events.TestResult += OnTestResult;
            events.TestRunComplete += OnTestRunComplete;
            events.TestRunMessage += (_, m) => hangTimeout |= UnfinishedTests.IsHangTimeoutMessage(m.Message);
        }
        catch (Exception ex)
        {
            report.Warning($"could not start: {ex.GetType().Name}: {ex.Message}. The tests run untraced.");
        }
    }

    private void OnTestResult(object? sender, TestResultEventArgs e)
    {
        try
        {
            if (tracer is null)
            {
                return;
            }

            var test = CompletedTestReader.From(e.Result);
            test = outOfHost?.Join(test) ?? test;
            timing.Add(test);
            tracer.OnTestCompleted(test);
        }
        catch (Exception ex)
        {
            report.Warning($"could not read a test result: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private void FinishFromJournals(bool aborted)
    {
        if (outOfHost is null || tracer is null)
        {
            return;
        }

        var journals = outOfHost.ReadJournals();
        foreach (var warning in journals.Warnings.Distinct(StringComparer.Ordinal))
        {
            report.Warning(warning);
        }

        if (aborted)
        {
            var end = DateTimeOffset.UtcNow;
            foreach (var test in journals.Unfinished)
            {
                tracer.OnTestCompleted(UnfinishedTests.From(test, hangTimeout, end));
            }
        }
    }

    private void OnTestRunComplete(object? sender, TestRunCompleteEventArgs e)
    {
        try
        {
            foreach (var warning in timing.Warnings())
            {
                report.Warning(warning);
            }

            if (tracer is not null)
            {
                outOfHost?.FlushWorkAfterLastTests(tracer, report);
            }

            FinishFromJournals(e.IsAborted);
            tracer?.Complete(e.IsAborted);
        }
        finally
        {
            outOfHost?.Dispose();
        }
    }
}
