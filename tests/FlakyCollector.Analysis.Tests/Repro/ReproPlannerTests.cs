using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Repro;
using static FlakyCollector.Analysis.Tests.Causes.ExecutionFactory;

namespace FlakyCollector.Analysis.Tests.Repro;

/// <summary>Plans are made from what the real detectors report, so a change of evidence names breaks them here.</summary>
public sealed class ReproPlannerTests
{
    private readonly AnalysisOptions _options = new();

    [Fact]
    public void Plan_Timing_DelaysTheSpanByTheFailingMedian()
    {
        var failing = Enumerable.Range(0, 8).Select(i => Make("T", TestOutcome.Failed, durationMs: 400).WithChild("RenderReport", 300)).ToList();
        var passing = Enumerable.Range(0, 20).Select(i => Make("T", TestOutcome.Passed, durationMs: 100).WithChild("RenderReport", 50 + (i % 3))).ToList();
        var hint = new TimingCauseDetector(_options).Detect(new FlakySample("T", failing, passing)).First();

        var condition = ReproPlanner.Plan(["T"], hint);

        Assert.Null(condition.Impossible);
        Assert.Equal(CauseKind.Timing, condition.Kind);
        Assert.Equal("test=T\naction=delay\nspan=RenderReport\nby=300ms", condition.Injection);
    }

    [Fact]
    public void Plan_CancelledCall_IsHeldWellPastTheDeadlineThatCutItShort()
    {
        const string Call = "HTTP GET 127.0.0.1/rates/standard";
        const string Cancelled = "System.Threading.Tasks.TaskCanceledException";
        var failing = Enumerable.Range(0, 6).Select(i => Make("T", TestOutcome.Failed, durationMs: 1000).WithSpan(Call, 1, 921 + i, kind: 3, errorType: Cancelled)).ToList();
        var passing = Enumerable.Range(0, 12).Select(i => Make("T", TestOutcome.Passed, durationMs: 150).WithSpan(Call, 1, 95 + i, kind: 3, status: 200)).ToList();
        var hint = new TimingCauseDetector(_options).Detect(new FlakySample("T", failing, passing)).First(h => h.Evidence.Any(e => e.Name == "cancelledAfterMedianMs"));

        var condition = ReproPlanner.Plan(["T"], hint);

        // Cut at a median 922.5 ms: held 1845 ms, so that the work lasts past any deadline near 1 s however loaded the machine.
        Assert.Equal($"test=T\naction=delay\nspan={Call}\nby=1845ms", condition.Injection);
    }

    [Fact]
    public void Plan_TimingOfTheTestItself_IsImpossible()
    {
        var failing = Enumerable.Range(0, 6).Select(i => Make("T", TestOutcome.Failed, durationMs: 5000 + i)).ToList();
        var passing = Enumerable.Range(0, 12).Select(i => Make("T", TestOutcome.Passed, durationMs: 100 + i)).ToList();
        var hint = new TimingCauseDetector(_options).Detect(new FlakySample("T", failing, passing)).First();

        var condition = ReproPlanner.Plan(["T"], hint);

        Assert.Null(condition.Injection);
        Assert.Contains("no work to slow down", condition.Impossible);
    }

    [Fact]
    public void Plan_Race_HoldsTheLateWorkUntilTheTestEnds()
    {
        var failing = Enumerable.Range(0, 6).Select(i => Make("T", TestOutcome.Failed, durationMs: 150).WithWork("SendConfirmation", 2, 170 + i)).ToList();
        var passing = Enumerable.Range(0, 20).Select(i => Make("T", TestOutcome.Passed, durationMs: 150).WithWork("SendConfirmation", 2, 100 + i)).ToList();
        var hint = new RaceCauseDetector(_options).Detect(new FlakySample("T", failing, passing)).First();

        var condition = ReproPlanner.Plan(["T"], hint);

        Assert.Equal($"test=T\naction=hold-until-test-ends\nspan=SendConfirmation\nby={ReproPlanner.RaceHoldBoundMs}ms", condition.Injection);
    }

    [Fact]
    public void Plan_External503_FailsTheCallWithThatStatus()
    {
        const string Call = "HTTP POST 127.0.0.1/charges";
        var failing = Enumerable.Range(0, 6).Select(_ => Make("T", TestOutcome.Failed).WithChild(Call, 3, errors: 1, status: 503, http: true)).ToList();
        var passing = Enumerable.Range(0, 20).Select(_ => Make("T", TestOutcome.Passed).WithChild(Call, 10, status: 200, http: true)).ToList();
        var hint = new ExternalCauseDetector(_options).Detect(new FlakySample("T", failing, passing)).First();

        var condition = ReproPlanner.Plan(["T", "U"], hint);

        Assert.Equal($"test=T\ntest=U\naction=fail-with-status\nspan={Call}\nstatus=503", condition.Injection);
    }

    [Fact]
    public void Plan_ExternalErrorWithoutStatus_RefusesTheConnection()
    {
        const string Call = "HTTP GET localhost/stock";
        var failing = Enumerable.Range(0, 6).Select(_ => Make("T", TestOutcome.Failed).WithChild(Call, 3, errors: 1, http: true)).ToList();
        var passing = Enumerable.Range(0, 20).Select(_ => Make("T", TestOutcome.Passed).WithChild(Call, 10, status: 200, http: true)).ToList();
        var hint = new ExternalCauseDetector(_options).Detect(new FlakySample("T", failing, passing)).First();

        Assert.Equal($"test=T\naction=refuse-connection\nspan={Call}", ReproPlanner.Plan(["T"], hint).Injection);
    }

    [Theory]
    // A class set-up's failure read from its text (no span showed the call): every HTTP call of that set-up.
    [InlineData("setup Shop.SearchTests.WarmUpIndex: HTTP 503", "action=fail-with-status\nspan=HTTP *\nstatus=503\nscope=fixture")]
    [InlineData("setup Shop.SearchTests.WarmUpIndex: connection refused", "action=refuse-connection\nspan=HTTP *\nscope=fixture")]
    public void Plan_SetUpFailureReadFromItsText_FailsTheSetUpsCalls(string label, string injection)
    {
        var hint = new CauseHint(CauseKind.External, 0.9, $"{label}: failed in 6/11 failing runs", [new EvidenceFigure("span", label), new EvidenceFigure("source", "failure text")]);

        var condition = ReproPlanner.Plan(["Shop.SearchTests.Finds_By_Name", "Shop.SearchTests.Finds_By_Category"], hint);

        Assert.Null(condition.Impossible);
        Assert.Equal("test=Shop.SearchTests.Finds_By_Name\ntest=Shop.SearchTests.Finds_By_Category\n" + injection, condition.Injection);
    }

    [Fact]
    public void Plan_SetUpFailureRepro_CannotMake_IsImpossibleAndSaysWhat()
    {
        var hint = new CauseHint(CauseKind.External, 0.9, "setup Shop.SearchTests.WarmUpIndex: connection reset", [new EvidenceFigure("span", "setup Shop.SearchTests.WarmUpIndex: connection reset")]);

        Assert.Contains("connection reset", ReproPlanner.Plan(["T"], hint).Impossible, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ExternalTimeout_MakesTheCallAsSlowAsItsTimingHintSays()
    {
        const string Call = "HTTP GET 127.0.0.1/rates/standard";
        var timeout = new CauseHint(CauseKind.External, 5, "timeout", [new("span", Call), new("failingStatusCodes", new Dictionary<string, int>()), new("failingRunsWithTimeout", 11)]);
        var slow = new CauseHint(CauseKind.Timing, 4, "slow", [new("span", Call), new("failingMedianMs", 922.3), new("passingMedianMs", 120.5)]);
        var test = new TestSummary { Name = "T", Flaky = true, Causes = [timeout, slow] };

        Assert.Equal($"test=T\naction=delay\nspan={Call}\nby=922ms", ReproPlanner.Plan(test).Injection);
        Assert.Contains("timed out", ReproPlanner.Plan(["T"], timeout).Impossible);
    }

    [Fact]
    public void Plan_ExternalServerSpan_TheAppAnswersTheFailingStatus()
    {
        var hint = new CauseHint(CauseKind.External, 3, "POST /orders: 503", [new("span", "POST /orders"), new("failingStatusCodes", new Dictionary<string, int> { ["503"] = 4 })]);
        var noStatus = new CauseHint(CauseKind.External, 3, "POST /orders: error", [new("span", "POST /orders"), new("failingStatusCodes", new Dictionary<string, int>())]);
        var internalSpan = new CauseHint(CauseKind.External, 3, "Send: error", [new("span", "Send")]);

        Assert.Equal("test=T\naction=fail-with-status\nspan=POST /orders\nstatus=503", ReproPlanner.Plan(["T"], hint).Injection);
        Assert.Contains("without an HTTP status", ReproPlanner.Plan(["T"], noStatus).Impossible);
        Assert.Contains("is neither", ReproPlanner.Plan(["T"], internalSpan).Impossible);
    }

    [Fact]
    public void Plan_OrderAndContention_RunTheOtherTestAlongside()
    {
        var order = new CauseHint(CauseKind.Order, 3, "fails when A ran before", [new("otherTest", "Ns.A")]);
        var busy = new CauseHint(CauseKind.Contention, 3, "ran alongside 3 tests", [new("failingMedianConcurrency", 3.0)]);

        Assert.Equal(["Ns.A"], ReproPlanner.Plan(["T"], order).Companions);
        Assert.Equal($"test=T\naction=start-after-test\nspan=Ns.A\nby={ReproPlanner.PredecessorWaitBoundMs}ms", ReproPlanner.Plan(["T"], order).Injection);
        Assert.False(ReproPlanner.Plan(["T"], order).Serial);
        Assert.True(ReproPlanner.Plan(["T"], busy).WholeSuite);
    }

    [Fact]
    public void Plan_ContentionForAResource_StartsTheTestAmidAsManyHoldersAsInTheFailingRuns()
    {
        var pool = new CauseHint(CauseKind.Contention, 3, "2 other tests held db.query", [new("span", "db.query"), new("failingMedianHolders", 2.0), new("holders", new List<string> { "Ns.Export", "Ns.Backup", "Ns.Daily" })]);
        var given = CauseHypothesis.Parse("contention=Ns.A,Ns.B", out _)!;

        var condition = ReproPlanner.Plan(["T"], pool);

        Assert.Equal(["Ns.Export", "Ns.Backup", "Ns.Daily"], condition.Companions);
        Assert.False(condition.WholeSuite);
        Assert.Equal($"test=T\naction=start-amid-tests\namid=Ns.Export\namid=Ns.Backup\namid=Ns.Daily\ncount=2\nby={ReproPlanner.PredecessorWaitBoundMs}ms", condition.Injection);
        Assert.Contains("\ncount=2\n", ReproPlanner.Plan(["T"], given).Injection);
    }

    [Fact]
    public void Plan_OneTestNamedAtAWait_BringsTheOthersThatHeldTheResourceThere()
    {
        // The platform reference suite: Backup ran at Writes_Audit_Entry's wait in 18/20 failing runs, but a pool of two
        // is exhausted by two holders; alone with Backup, the test failed 0 of 10 times.
        var backup = new CauseHint(CauseKind.Contention, 5, "Backup ran at the moment of its wait", [new("otherTest", "Ns.Backup"), new("measuredAt", "pool.acquire")]);
        var pool = new CauseHint(CauseKind.Contention, 4, "a median 2 other tests held db.query", [new("span", "db.query"), new("measuredAt", "pool.acquire"),
            new("failingMedianHolders", 2.0), new("holders", new List<string> { "Ns.Backup", "Ns.Reporting", "Ns.Export" })]);
        var elsewhere = pool with { Evidence = [new("span", "db.query"), new("measuredAt", "test"), new("failingMedianHolders", 2.0), new("holders", new List<string> { "Ns.Reporting" })] };

        var condition = ReproPlanner.Plan(["T"], backup, [backup, pool]);

        Assert.Equal(["Ns.Backup", "Ns.Reporting", "Ns.Export"], condition.Companions);
        Assert.Contains("\ncount=2\n", condition.Injection);
        Assert.StartsWith("contention: Backup ran", condition.Cause, StringComparison.Ordinal);
        Assert.Equal(["Ns.Backup"], ReproPlanner.Plan(["T"], backup, [backup, elsewhere]).Companions);
        Assert.Equal(["Ns.Backup"], ReproPlanner.Plan(["T"], backup).Companions);
    }

    [Fact]
    public void Plan_NoCause_IsImpossible()
    {
        Assert.NotNull(ReproPlanner.Plan(["T"], CauseHint.None(3, 9)).Impossible);
    }
}
