using FlakyCollector.Tracing;
using FlakyCollector.Vstest;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace FlakyCollector.Logging;

/// <summary>
/// What the FlakyTrace logger does in vstest.console, behind <see cref="FlakyTraceLogger"/>: it
/// joins each test's result with its recording, hands it to the core, and at the end adds what the
/// test processes left in the channel. Its inputs are narrow (the events, where lines go, the
/// environment, a clock, the channel's host), so its logic is tested without vstest.
/// </summary>
internal sealed class LoggerSession(Func<string, string?> environment, TimeProvider clock, Action<string> writeLine, RecordingChannelHost channelHost,
    bool warmUp = false)
{
    /// <summary>How long a test's line waits in vstest.console to be written with those of the results after it.</summary>
    public static readonly TimeSpan FileWriteBehind = TimeSpan.FromMilliseconds(100);

    private readonly IRunReport report = new LineRunReport(writeLine);
    private readonly TimingCoverage timing = new();
    private TestRunTracer? tracer;
    private OutOfHostRecordings? outOfHost;
    private Thread? warmingUp;
    private bool hangTimeout;

    public void Initialize(TestLoggerEvents events, IReadOnlyDictionary<string, string?> parameters)
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
                Environment = environment,
                Report = report,
                ResultsDirectory = () => resultsDirectory,
                // No test runs in vstest.console: the lines of results that arrive together are written together.
                FileWriteBehind = FileWriteBehind,
            });
            if (tracer is null)
            {
                return;
            }

            outOfHost = OutOfHostRecordings.Open(userSettings, channelHost, clock);
            if (warmUp)
            {
                warmingUp = ResultPathWarmUp.Start(tracer.Settings, Path.Combine(outOfHost.Folder, "warm-up"), environment);
            }

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

    private void OnTestRunComplete(object? sender, TestRunCompleteEventArgs e)
    {
        // Each step on its own: one that fails costs what it reads, never the file's end.
        try
        {
            Finish("report the tests' timing", () =>
            {
                foreach (var warning in timing.Warnings())
                {
                    report.Warning(warning);
                }
            });
            if (tracer is { } run && outOfHost is { } recordings)
            {
                Finish("read what the test processes recorded after their last tests", () => recordings.FlushWorkAfterLastTests(run, report));
            }

            Finish("read the test processes' journals", () => FinishFromJournals(e.IsAborted));
            Finish("finish the run's traces", () => tracer?.Complete(e.IsAborted));
        }
        finally
        {
            // It writes in the channel folder: a run shorter than the warm-up waits for it, boundedly.
            warmingUp?.Join(TracerWarmUp.Bound);
            outOfHost?.Dispose();
        }
    }

    private void Finish(string step, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            report.Warning($"could not {step}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    // A test process that crashed or hung left the tests it was running in its journal: each gets a span.
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
            var end = clock.GetUtcNow();
            foreach (var test in journals.Unfinished)
            {
                tracer.OnTestCompleted(UnfinishedTests.From(test, hangTimeout, end));
            }
        }
    }
}
