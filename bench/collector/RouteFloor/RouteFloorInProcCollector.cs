using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollector.InProcDataCollector;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.InProcDataCollector;

namespace RouteFloor;

/// <summary>
/// Loaded into the test process like FlakyTrace's own in-process collector, and attaches to each
/// test result a property under the same key and of the same size as FlakyTrace's compact payload
/// (107 characters), without recording anything. With <c>ROUTEFLOOR_PROPERTY=0</c> it attaches
/// nothing: the cost of the in-process collector's events alone.
/// </summary>
public sealed class RouteFloorInProcCollector : InProcDataCollection
{
    private const string PropertyKey = "FlakyTrace.Execution";
    private static readonly string Payload = new('x', 107);
    private static readonly bool Attach = Environment.GetEnvironmentVariable("ROUTEFLOOR_PROPERTY") != "0";

    private IDataCollectionSink? sink;

    public void Initialize(IDataCollectionSink dataCollectionSink) => sink = dataCollectionSink;

    public void TestSessionStart(TestSessionStartArgs testSessionStartArgs)
    {
    }

    public void TestCaseStart(TestCaseStartArgs testCaseStartArgs)
    {
    }

    public void TestCaseEnd(TestCaseEndArgs testCaseEndArgs)
    {
        if (Attach)
        {
            sink?.SendData(testCaseEndArgs.DataCollectionContext, PropertyKey, Payload);
        }
    }

    public void TestSessionEnd(TestSessionEndArgs testSessionEndArgs)
    {
    }
}
