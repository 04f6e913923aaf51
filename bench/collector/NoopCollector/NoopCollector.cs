using System.Xml;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;

namespace NoopCollector;

/// <summary>
/// Subscribes to the per-test events and does nothing with them, so that a run with
/// <c>--collect Noop</c> pays exactly what vstest charges an out-of-process collector:
/// the datacollector process and one round trip per test event.
/// </summary>
[DataCollectorFriendlyName("Noop")]
[DataCollectorTypeUri("datacollector://bench/noop/1.0")]
public sealed class NoopCollector : DataCollector
{
    private DataCollectionEvents? _events;

    public override void Initialize(
        XmlElement? configurationElement,
        DataCollectionEvents events,
        DataCollectionSink dataSink,
        DataCollectionLogger logger,
        DataCollectionEnvironmentContext? environmentContext)
    {
        _events = events;
        events.TestCaseStart += OnTestCaseStart;
        events.TestCaseEnd += OnTestCaseEnd;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _events is not null)
        {
            _events.TestCaseStart -= OnTestCaseStart;
            _events.TestCaseEnd -= OnTestCaseEnd;
            _events = null;
        }

        base.Dispose(disposing);
    }

    private static void OnTestCaseStart(object? sender, TestCaseStartEventArgs e)
    {
    }

    private static void OnTestCaseEnd(object? sender, TestCaseEndEventArgs e)
    {
    }
}
