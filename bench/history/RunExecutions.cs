using FlakyCollector.Analysis.Model;

namespace FlakyTrace.Bench.History;

/// <summary>The suite's runs as the trace reader would hand them to the history: one execution per test, the flaky ones with their HTTP call.</summary>
internal static class RunExecutions
{
    public static TraceCorpus Of(SuiteModel suite, int firstRun, int endRun)
    {
        var executions = new List<TestExecution>((endRun - firstRun) * suite.Tests);
        for (var run = firstRun; run < endRun; run++)
        {
            var start = SuiteModel.StartMs(run) * 1_000_000;
            var runId = SuiteModel.RunId(run);
            var commit = SuiteModel.Commit(run);
            for (var test = 0; test < suite.Tests; test++)
            {
                var failed = suite.Fails(run, test);
                var begin = start + (test * 1_000_000L);
                var execution = new TestExecution(((UInt128)(uint)run << 64) | (uint)test)
                {
                    Name = suite.Name(test),
                    DisplayName = suite.Name(test),
                    ServiceName = "Company.Product.Tests",
                    Runtime = ".NET 10",
                    RunId = runId,
                    Commit = commit,
                    StartNanos = begin,
                    EndNanos = begin + (suite.DurationMs(run, test) * 1_000_000L),
                    Outcome = failed ? TestOutcome.Failed : TestOutcome.Passed,
                    ErrorMessage = failed ? suite.Message(run, test) : null,
                    HasTestSpan = true,
                };
                if (suite.IsFlaky(test))
                {
                    ref var http = ref execution.ChildFor("HTTP GET payments/charges");
                    http.IsHttpClient = true;
                    http.Count = 1;
                    http.TotalNanos = http.MaxNanos = execution.DurationNanos - 2000;
                    http.FirstStartNanos = begin + 1000;
                    http.LastEndNanos = execution.EndNanos - 1000;
                    http.HttpStatusCode = failed ? 503 : 200;
                    http.ServerErrors = failed ? 1 : 0;
                    http.Errors = failed ? 1 : 0;
                }

                executions.Add(execution);
            }
        }

        return new TraceCorpus(executions, new InputSummary());
    }
}
