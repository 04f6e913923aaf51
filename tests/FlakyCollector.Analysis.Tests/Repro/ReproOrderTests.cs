using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Repro;
using static FlakyCollector.Analysis.Tests.Causes.ExecutionFactory;

namespace FlakyCollector.Analysis.Tests.Repro;

public sealed class ReproOrderTests
{
    [Fact]
    public void RanBefore_ThePredecessorEndedBeforeTheTestsOwnWorkBegan()
    {
        // The test's span begins at 0 and waits for the predecessor (0-400 ms); its call starts at 450 ms.
        var import = Make("Ns.Import", TestOutcome.Passed, startMs: 0, durationMs: 400);
        var signup = Make("Ns.Signup", TestOutcome.Failed, startMs: 0, durationMs: 600).WithSpan("HTTP POST 127.0.0.1/customers", 450, 500, kind: 3);

        Assert.True(ReproOrder.RanBefore([import, signup], "Ns.Import", signup));
    }

    [Fact]
    public void RanBefore_ATestWithNoSpanCountsFromItsEnd()
    {
        var import = Make("Ns.Import", TestOutcome.Passed, startMs: 0, durationMs: 400);
        var total = Make("Ns.Total", TestOutcome.Passed, startMs: 0, durationMs: 450);
        var after = Make("Ns.Import", TestOutcome.Passed, startMs: 500, durationMs: 100);

        Assert.True(ReproOrder.RanBefore([import, total], "Ns.Import", total));
        Assert.False(ReproOrder.RanBefore([after, total], "Ns.Import", total));
    }

    [Fact]
    public void RanBefore_NotWhenThePredecessorEndedAfterTheWorkBegan_OrRanInAnotherProcess()
    {
        var late = Make("Ns.Import", TestOutcome.Passed, startMs: 0, durationMs: 480);
        var elsewhere = Make("Ns.Import", TestOutcome.Passed, startMs: 0, durationMs: 100, pid: 2);
        var signup = Make("Ns.Signup", TestOutcome.Failed, startMs: 0, durationMs: 600).WithSpan("HTTP POST 127.0.0.1/customers", 450, 500, kind: 3);

        Assert.False(ReproOrder.RanBefore([late, signup], "Ns.Import", signup));
        Assert.False(ReproOrder.RanBefore([elsewhere, signup], "Ns.Import", signup));
    }

    [Fact]
    public void RanBefore_TheCollectorsMarkDecides_WhereTheFrameworksTimesSayOtherwise()
    {
        // xUnit's adapter reported the predecessor's end late: by the times it ended after the test's work began.
        var reportedLate = Make("Ns.Discount", TestOutcome.Passed, startMs: 0, durationMs: 480);
        var wentSecond = Make("Ns.Kettle", TestOutcome.Failed, startMs: 0, durationMs: 600)
            .WithSpan(ReproNames.AfterPredecessorSpan, 400, 400)
            .WithSpan("HTTP GET 127.0.0.1/price", 450, 500, kind: 3);
        // And here the times say the predecessor came first, but the test went on before it ended.
        var endedEarly = Make("Ns.Discount", TestOutcome.Passed, startMs: 0, durationMs: 100);
        var wentFirst = Make("Ns.Kettle", TestOutcome.Passed, startMs: 0, durationMs: 600)
            .WithSpan(ReproNames.BeforePredecessorSpan, 0, 0)
            .WithSpan("HTTP GET 127.0.0.1/price", 450, 500, kind: 3);

        Assert.True(ReproOrder.RanBefore([reportedLate, wentSecond], "Ns.Discount", wentSecond));
        Assert.False(ReproOrder.RanBefore([endedEarly, wentFirst], "Ns.Discount", wentFirst));
    }
}
