using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace FlakyCollector.Logger.Tests;

/// <summary>vstest.console's logger events, raised when the test says so.</summary>
internal sealed class LoggerEvents : TestLoggerEvents
{
    public override event EventHandler<TestRunMessageEventArgs>? TestRunMessage;

    public override event EventHandler<TestRunStartEventArgs>? TestRunStart;

    public override event EventHandler<TestResultEventArgs>? TestResult;

    public override event EventHandler<TestRunCompleteEventArgs>? TestRunComplete;

    public override event EventHandler<DiscoveryStartEventArgs>? DiscoveryStart;

    public override event EventHandler<TestRunMessageEventArgs>? DiscoveryMessage;

    public override event EventHandler<DiscoveredTestsEventArgs>? DiscoveredTests;

    public override event EventHandler<DiscoveryCompleteEventArgs>? DiscoveryComplete;

    public bool Subscribed => TestResult is not null || TestRunComplete is not null;

    public void Message(string text) => TestRunMessage?.Invoke(this, new TestRunMessageEventArgs(TestMessageLevel.Error, text));

    public void Result(Microsoft.VisualStudio.TestPlatform.ObjectModel.TestResult result) => TestResult?.Invoke(this, new TestResultEventArgs(result));

    public void Complete(bool aborted) =>
        TestRunComplete?.Invoke(this, new TestRunCompleteEventArgs(null, isCanceled: false, isAborted: aborted, error: null, attachmentSets: null, elapsedTime: TimeSpan.FromSeconds(1)));

    // Raised by vstest only; declared so that the type is complete.
    internal void Unused() => (TestRunStart, DiscoveryStart, DiscoveryMessage, DiscoveredTests, DiscoveryComplete) = (null, null, null, null, null);
}
