using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollector.InProcDataCollector;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.InProcDataCollector;

namespace FlakyCollector.InProc;

/// <summary>
/// The part of FlakyTrace that vstest loads into the test process (from the
/// <c>InProcDataCollectionRunSettings</c> entry the package's .targets adds). vstest loads it from
/// the package's folder and does not look for its dependencies there: the test project references
/// FlakyCollector.Core from .NET 8 on, and for any other project the core is resolved beside this
/// assembly before anything needs it. So this type holds nothing of the core's, and only hands
/// vstest's events on to <see cref="InProcSession"/>.
/// </summary>
public sealed class FlakyTraceInProcCollector : InProcDataCollection
{
    private readonly InProcSession session;

    static FlakyTraceInProcCollector() => CoreAssemblyResolver.Register();

    public FlakyTraceInProcCollector() => session = new InProcSession();

    public void Initialize(IDataCollectionSink dataCollectionSink) => session.Initialize(dataCollectionSink);

    public void TestSessionStart(TestSessionStartArgs testSessionStartArgs) => session.TestSessionStart(testSessionStartArgs);

    public void TestCaseStart(TestCaseStartArgs testCaseStartArgs) => session.TestCaseStart(testCaseStartArgs);

    public void TestCaseEnd(TestCaseEndArgs testCaseEndArgs) => session.TestCaseEnd(testCaseEndArgs);

    public void TestSessionEnd(TestSessionEndArgs testSessionEndArgs) => session.TestSessionEnd(testSessionEndArgs);
}
