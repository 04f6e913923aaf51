using System.Diagnostics;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollector.InProcDataCollector;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.InProcDataCollector;

namespace RouteFloor;

/// <summary>
/// Loaded into the test process like FlakyTrace's own in-process collector, and attaches to each
/// test result a property under the same key and of the same size as FlakyTrace's compact payload
/// (107 characters), without recording anything. With <c>ROUTEFLOOR_PROPERTY=0</c> it attaches
/// nothing: the cost of the in-process collector's events alone. With <c>ROUTEFLOOR_SPAN=1</c> it
/// also listens to the test source of the hook the FlakyCollector package compiles into the suite,
/// recording all data and doing nothing with it: the cost of one activity per test, started and
/// stopped on the test's own path, which any design whose test span parents the test's work pays.
/// With <c>ROUTEFLOOR_ROUTE=file</c> or <c>mapped</c> the payload goes to a <see cref="RecordLog"/>
/// instead of the result: the routes a recording could take outside vstest's results.
/// </summary>
public sealed class RouteFloorInProcCollector : InProcDataCollection
{
    private const string PropertyKey = "FlakyTrace.Execution";
    private static readonly string Payload = new('x', 107);
    private static readonly bool Attach = Environment.GetEnvironmentVariable("ROUTEFLOOR_PROPERTY") != "0";
    private static readonly bool Span = Environment.GetEnvironmentVariable("ROUTEFLOOR_SPAN") == "1";

    private static readonly RecordLog? Log = RecordLog.Open();

    private IDataCollectionSink? sink;
    private ActivityListener? listener;
    private int spans;

    public void Initialize(IDataCollectionSink dataCollectionSink) => sink = dataCollectionSink;

    public void TestSessionStart(TestSessionStartArgs testSessionStartArgs)
    {
        if (Span)
        {
            listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "FlakyTrace.Test",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _ => Interlocked.Increment(ref spans),
            };
            ActivitySource.AddActivityListener(listener);
        }
    }

    public void TestCaseStart(TestCaseStartArgs testCaseStartArgs)
    {
    }

    public void TestCaseEnd(TestCaseEndArgs testCaseEndArgs)
    {
        if (Log is not null)
        {
            Log.Append(testCaseEndArgs.DataCollectionContext.TestCase!.Id, Payload);
        }
        else if (Attach)
        {
            sink?.SendData(testCaseEndArgs.DataCollectionContext, PropertyKey, Payload);
        }
    }

    public void TestSessionEnd(TestSessionEndArgs testSessionEndArgs)
    {
        listener?.Dispose();
        Log?.Dispose();
        // route-floor.sh checks that the hook's activities were heard, one per test.
        if (Span && Environment.GetEnvironmentVariable("ROUTEFLOOR_SPAN_COUNT") is { Length: > 0 } path)
        {
            File.WriteAllText(path, spans.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
