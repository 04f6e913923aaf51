using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using static FlakyCollector.Analysis.Tests.Causes.ExecutionFactory;

namespace FlakyCollector.Analysis.Tests.Causes;

/// <summary>The rules that real traces asked for, each on a small hand-built trace.</summary>
public sealed class RealTraceRulesTests
{
    private const string Read = "HTTP GET mailbox/{id}";
    private readonly AnalysisOptions _options = new();

    [Fact]
    public void Race_WorkEndsAfterTheReadButBeforeTheTestEnds_IsLateAgainstTheRead()
    {
        // The failing assertion and its exception take 60 ms, in which the work finishes.
        var failing = Enumerable.Range(0, 6).Select(i => Make("T", TestOutcome.Failed, durationMs: 400)
            .WithSpan("SendConfirmation", 2, 340 + i).WithSpan(Read, 300, 305, kind: 3, status: 404)).ToList();
        var passing = Enumerable.Range(0, 20).Select(i => Make("T", TestOutcome.Passed, durationMs: 320)
            .WithSpan("SendConfirmation", 2, 200 + i).WithSpan(Read, 300, 305, kind: 3, status: 200)).ToList();

        var hint = Assert.Single(new RaceCauseDetector(_options).Detect(new FlakySample("T", failing, passing)));

        Assert.Equal("SendConfirmation", hint.Evidence.Single(f => f.Name == "span").Value);
        Assert.Equal("read", hint.Evidence.Single(f => f.Name == "measuredAgainst").Value);
        Assert.Equal(6, hint.Evidence.Single(f => f.Name == "failingRunsLate").Value);
    }

    [Fact]
    public void Race_CallTheTestAwaitedBeforeTheRead_IsNotWorkLeftBehind()
    {
        var failing = Enumerable.Range(0, 6).Select(i => Make("T", TestOutcome.Failed, durationMs: 400)
            .WithSpan("HTTP POST orders", 1, 50, kind: 3).WithSpan(Read, 300, 305, kind: 3, status: 404)).ToList();
        var passing = Enumerable.Range(0, 20).Select(i => Make("T", TestOutcome.Passed, durationMs: 320)
            .WithSpan("HTTP POST orders", 1, 50, kind: 3).WithSpan(Read, 300, 305, kind: 3, status: 200)).ToList();

        Assert.Empty(new RaceCauseDetector(_options).Detect(new FlakySample("T", failing, passing)));
    }

    [Fact]
    public void Timing_ClientTimeoutOnADependencyThatAnsweredSlowly_IsTimingWithTheServerSpan()
    {
        var failing = Enumerable.Range(0, 6).Select(_ =>
        {
            var call = NextSpanId();
            return Make("T", TestOutcome.Failed, durationMs: 1100)
                .WithSpan("HTTP GET rates", 1, 1001, kind: 3, errorType: "System.Threading.Tasks.TaskCanceledException", id: call)
                .WithSpan("GET /rates/{kind}", 2, 1900, kind: 2, status: 200, parent: call, service: "rates-api");
        }).ToList();
        var passing = Enumerable.Range(0, 20).Select(_ => Make("T", TestOutcome.Passed, durationMs: 150).WithSpan("HTTP GET rates", 1, 121, kind: 3, status: 200)).ToList();
        var sample = new FlakySample("T", failing, passing);

        var hint = new TimingCauseDetector(_options).Detect(sample).First();

        Assert.Equal(CauseKind.Timing, hint.Kind);
        Assert.Equal(6, hint.Evidence.Single(f => f.Name == "failingRunsCancelled").Value);
        Assert.Equal(200, hint.Evidence.Single(f => f.Name == "serverStatusCode").Value);
        Assert.Equal(1898.0, hint.Evidence.Single(f => f.Name == "serverMedianMs").Value);
        Assert.Empty(new ExternalCauseDetector(_options).Detect(sample));
    }

    [Fact]
    public void External_RefusedConnection_IsExternal()
    {
        var failing = Enumerable.Range(0, 5).Select(_ => Make("T", TestOutcome.Failed).WithSpan("HTTP GET replicas", 1, 3, kind: 3, errorType: "connection_error")).ToList();
        var passing = Enumerable.Range(0, 20).Select(_ => Make("T", TestOutcome.Passed).WithSpan("HTTP GET replicas", 1, 20, kind: 3, status: 200)).ToList();

        var hint = Assert.Single(new ExternalCauseDetector(_options).Detect(new FlakySample("T", failing, passing)));

        Assert.Equal("HTTP GET replicas", hint.Evidence.Single(f => f.Name == "span").Value);
    }

    [Fact]
    public void External_AppUnderTestAnswers409And500InTheTestsOwnProcess_IsNotExternal()
    {
        // The app runs in memory: its server span and the client's 409 are symptoms of shared state.
        var failing = Enumerable.Range(0, 6).Select(_ =>
        {
            var call = NextSpanId();
            return Make("T", TestOutcome.Failed)
                .WithSpan("HTTP POST localhost/customers", 1, 20, kind: 3, status: 409, id: call)
                .WithSpan("POST /customers", 2, 19, kind: 2, status: 500, parent: call)
                .WithSpan("CustomerService.Add", 3, 18, error: true);
        }).ToList();
        var passing = Enumerable.Range(0, 20).Select(_ => Make("T", TestOutcome.Passed).WithSpan("HTTP POST localhost/customers", 1, 20, kind: 3, status: 201)).ToList();

        Assert.Empty(new ExternalCauseDetector(_options).Detect(new FlakySample("T", failing, passing)));
    }

    [Fact]
    public void External_ServerSpanOfAnotherServiceThatFailed_IsExternal()
    {
        var failing = Enumerable.Range(0, 6).Select(_ => Make("T", TestOutcome.Failed).WithSpan("POST /stock/reserve", 2, 10, kind: 2, status: 503, service: "stock-api")).ToList();
        var passing = Enumerable.Range(0, 20).Select(_ => Make("T", TestOutcome.Passed).WithSpan("POST /stock/reserve", 2, 10, kind: 2, status: 200, service: "stock-api")).ToList();

        Assert.Single(new ExternalCauseDetector(_options).Detect(new FlakySample("T", failing, passing)));
    }

    [Fact]
    public void Contention_HoldersAtTheMomentOfTheWait_NamedWithTheirCount()
    {
        // Over the whole test both outcomes overlap both holders; at the wait only failing runs do.
        var executions = new List<TestExecution>();
        for (var run = 0; run < 24; run++)
        {
            var fails = run % 4 == 0;
            var victim = Make("Victim", fails ? TestOutcome.Failed : TestOutcome.Passed, 0, 600, run: $"r{run}")
                .WithSpan("pool.acquire", 300, fails ? 400 : 300.1, error: fails);
            executions.Add(victim);
            foreach (var holder in new[] { "HolderA", "HolderB" })
            {
                // Holding from 250 ms in failing runs, from 0 to 250 ms in passing runs.
                var (from, to) = fails ? (250.0, 500.0) : (0.0, 250.0);
                executions.Add(Make(holder, TestOutcome.Passed, from, to - from + 50, run: $"r{run}").WithSpan("db.query", 0, to - from));
            }
        }

        var detector = new ContentionCauseDetector(new RunConcurrency(ByRun(executions)), _options);
        var sample = new FlakySample("Victim", executions.Where(e => e.Name == "Victim" && e.Outcome == TestOutcome.Failed).ToList(),
            executions.Where(e => e.Name == "Victim" && e.Outcome == TestOutcome.Passed).ToList());
        // The victim's own labels name the resources: give it a db.query too, before its wait.
        foreach (var victim in sample.Failing.Concat(sample.Passing))
        {
            victim.WithSpan("db.query", 10, 20);
        }

        var hints = detector.Detect(sample).ToList();

        var holders = Assert.Single(hints, h => h.Evidence.Any(f => f.Name == "holders"));
        Assert.Equal("pool.acquire", holders.Evidence.Single(f => f.Name == "measuredAt").Value);
        Assert.Equal(2.0, holders.Evidence.Single(f => f.Name == "failingMedianHolders").Value);
        Assert.Equal(0.0, holders.Evidence.Single(f => f.Name == "passingMedianHolders").Value);
        Assert.Equal(["HolderA", "HolderB"], (IEnumerable<string>)holders.Evidence.Single(f => f.Name == "holders").Value);
    }

    [Fact]
    public void CauseOrder_TestDurationAlone_RanksAfterEveryOtherKind()
    {
        var duration = new CauseHint(CauseKind.Timing, 9, "(test)", [new("span", "(test)")]);
        var order = new CauseHint(CauseKind.Order, 2.5, "order", [new("otherTest", "X"), new("failuresWithOther", 5), new("failuresWithoutOther", 0)]);

        var ranked = CauseOrder.Rank([duration, order]);

        Assert.Equal([CauseKind.Order, CauseKind.Timing], ranked.Select(h => h.Kind));
        Assert.Equal(Confidence.Low, ranked[1].Confidence);
        Assert.Equal(Confidence.Medium, ranked[0].Confidence);
    }

    [Fact]
    public void CauseOrder_ContentionAtAWait_RanksBeforeTimingOfThatWait()
    {
        var timing = new CauseHint(CauseKind.Timing, 4.1, "slow wait", [new("span", "pool.acquire")]);
        var contention = new CauseHint(CauseKind.Contention, 2.2, "holders", [new("span", "db.query"), new("measuredAt", "pool.acquire"), new("holders", new[] { "Shop.AuditTests.Writes" })]);

        Assert.Equal(CauseKind.Contention, CauseOrder.Rank([timing, contention])[0].Kind);
    }

    [Fact]
    public void CauseOrder_HoldersAtTheFailedWait_RankBeforeATestThatRanBefore()
    {
        // Seen on xUnit v3: the pool's wait timed out while two tests held connections; which test
        // had run before is part of the schedule that put them there.
        var order = new CauseHint(CauseKind.Order, 4.0, "ran before", [new("otherTest", "Shop.AuditTests.Writes"), new("relation", "before")]);
        var contention = new CauseHint(CauseKind.Contention, 3.9, "held db.query", [new("span", "db.query"), new("measuredAt", "pool.acquire"), new("holders", new[] { "Shop.BackupTests.Verifies" })]);

        Assert.Equal(CauseKind.Contention, CauseOrder.Rank([order, contention])[0].Kind);
    }

    [Fact]
    public void CauseOrder_OneTestRunningAtAWait_DoesNotOutrankAStrongerTimingOfThatWait()
    {
        // Seen on a busy machine: a client timeout on a slow dependency, and a test that happened to run then.
        var timing = new CauseHint(CauseKind.Timing, 4.1, "cancelled after 1012 ms", [new("span", "HTTP GET 127.0.0.1/rates/standard")]);
        var contention = new CauseHint(CauseKind.Contention, 3.1, "ran at the moment of its wait", [new("otherTest", "Shop.SearchTests.Finds"), new("measuredAt", "HTTP GET 127.0.0.1/rates/standard")]);

        Assert.Equal(CauseKind.Timing, CauseOrder.Rank([contention, timing])[0].Kind);
    }
}
