using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;

namespace FlakyCollector.Logger.Tests;

/// <summary>vstest's data collection events, sink and logger, as the out-of-process collector meets them; raised and kept here.</summary>
internal sealed class CollectorEvents : DataCollectionEvents
{
    public override event EventHandler<SessionStartEventArgs>? SessionStart;

    public override event EventHandler<SessionEndEventArgs>? SessionEnd;

    public override event EventHandler<TestCaseStartEventArgs>? TestCaseStart;

    public override event EventHandler<TestCaseEndEventArgs>? TestCaseEnd;

    public override event EventHandler<TestHostLaunchedEventArgs>? TestHostLaunched;

    public bool Subscribed => TestCaseEnd is not null || SessionEnd is not null;

    public void Start(TestCase testCase) => TestCaseStart?.Invoke(this, new TestCaseStartEventArgs(testCase));

    public void End(TestCase testCase, TestOutcome outcome) => TestCaseEnd?.Invoke(this, new TestCaseEndEventArgs(testCase, outcome));

    public void EndSession() => SessionEnd?.Invoke(this, new SessionEndEventArgs());

    // Raised by vstest only; declared so that the type is complete.
    internal void Unused() => (SessionStart, TestHostLaunched) = (null, null);
}
