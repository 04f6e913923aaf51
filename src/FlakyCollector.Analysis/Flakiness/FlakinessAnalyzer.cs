using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Flakiness;

/// <summary>
/// Finds the flaky tests in a <see cref="TraceCorpus"/> and explains them. A test is one
/// <see cref="TestIdentity"/> (service, runtime, <c>test.case.name</c>); it is flaky when it both
/// passed and failed on the same commit (<c>vcs.ref.head.revision</c>; all runs count as one
/// commit when none is recorded) and runtime. Flaky tests that fail in the same runs are then
/// grouped into clusters.
/// </summary>
public static class FlakinessAnalyzer
{
    public static FlakinessReport Analyze(TraceCorpus corpus, AnalysisOptions? options = null)
    {
        options ??= new AnalysisOptions();
        var executions = corpus.Executions;
        var byTest = new Dictionary<TestIdentity, List<TestExecution>>();
        foreach (var execution in executions)
        {
            var identity = new TestIdentity(execution.ServiceName, execution.Runtime, execution.Name);
            if (!byTest.TryGetValue(identity, out var list))
            {
                byTest[identity] = list = [];
            }

            list.Add(execution);
        }

        Lazy<ICauseDetector[]> detectors = new(() =>
        {
            var runs = GroupBy(executions, e => e.RunId);
            return
            [
                new RaceCauseDetector(options),
                new TimingCauseDetector(options),
                new ExternalCauseDetector(options),
                new OrderCauseDetector(new ProcessHistory(runs), options),
                new ContentionCauseDetector(new RunConcurrency(runs), options),
                new LogTemplateCauseDetector(options),
            ];
        });

        // Tests are independent and the detectors only read shared indexes: use every core. The
        // summaries come back in no fixed order; the sort below is total over a test's identity.
        var summaries = byTest.AsParallel().Select(group => Summarize(group.Key, group.Value, detectors, options)).ToList();
        var ordered = RuntimeVerdicts.Apply(summaries)
            .OrderByDescending(t => t.Flaky)
            .ThenByDescending(t => t.FailedRuns)
            .ThenByDescending(t => t.FailureRate)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ThenBy(t => t.Runtime, StringComparer.Ordinal)
            .ThenBy(t => t.Service, StringComparer.Ordinal)
            .ToList();
        var runCount = CountDistinct(executions.Select(e => e.RunId));
        var commits = CountDistinct(executions.Select(e => e.Commit ?? ""));
        var (tests, clusters) = FailureClusters.PromoteSharedCauses(ordered, FailureClusters.Find(ordered.Where(t => t.Flaky).ToList(), options.Alpha));
        return new FlakinessReport(tests, corpus.Input, runCount, commits)
        {
            Clusters = clusters,
            Runtimes = [.. executions.Select(e => e.Runtime).OfType<string>().Distinct().Order(StringComparer.Ordinal)],
            SharedNames = ordered.GroupBy(t => t.Name, StringComparer.Ordinal)
                .Where(g => g.Select(t => t.Service).Distinct(StringComparer.Ordinal).Skip(1).Any())
                .Select(g => g.Key)
                .ToHashSet(StringComparer.Ordinal),
        };
    }

    private static TestSummary Summarize(TestIdentity identity, List<TestExecution> executions, Lazy<ICauseDetector[]> detectors, AnalysisOptions options)
    {
        int passed = 0, failed = 0, skipped = 0;
        foreach (var execution in executions)
        {
            passed += execution.Outcome == TestOutcome.Passed ? 1 : 0;
            failed += execution.Outcome == TestOutcome.Failed ? 1 : 0;
            skipped += execution.Outcome == TestOutcome.Skipped ? 1 : 0;
        }

        var flakyCommits = GroupBy(executions, e => e.Commit ?? "")
            .Where(g => g.Value.Any(e => e.Outcome == TestOutcome.Passed) && g.Value.Any(e => e.Outcome == TestOutcome.Failed))
            .Select(g => g.Key)
            .ToList();
        var topError = FailureHeadlines.Top(executions);
        var summary = new TestSummary
        {
            Name = identity.Name,
            Service = identity.Service,
            Runtime = identity.Runtime,
            Suite = executions.Select(e => e.Suite).FirstOrDefault(s => s is not null),
            Executions = executions.Count,
            Passed = passed,
            Failed = failed,
            Skipped = skipped,
            PassedOnRetry = executions.Count(e => e.Outcome == TestOutcome.Passed && e.Attempt > 1),
            FailureRate = passed + failed == 0 ? 0 : Math.Round((double)failed / (passed + failed), 4),
            Flaky = flakyCommits.Count > 0,
            Runs = CountDistinct(executions.Select(e => e.RunId)),
            FailedRuns = CountDistinct(executions.Where(e => e.Outcome == TestOutcome.Failed).Select(e => e.RunId)),
            FlakyCommits = flakyCommits,
            TopError = topError.Example,
            TopErrorCount = topError.Count,
        };
        if (!summary.Flaky)
        {
            return summary;
        }

        var commits = flakyCommits.ToHashSet();
        var inFlakyCommits = executions.Where(e => commits.Contains(e.Commit ?? "")).ToList();
        var sample = new FlakySample(
            identity.Name,
            Latest(inFlakyCommits, TestOutcome.Failed, options.MaxExecutionsPerOutcome),
            Latest(inFlakyCommits, TestOutcome.Passed, options.MaxExecutionsPerOutcome));
        var labels = sample.Failing.Concat(sample.Passing).SelectMany(e => e.Children).Select(c => c.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        // Executions that failed in setup never ran the body: only what reads the setup reads them.
        var body = sample with { Failing = [.. sample.Failing.Where(e => !e.FailedInSetup)] };
        var causes = CauseOrder.Rank(detectors.Value
            .Where(d => !d.ReadsTheTestBody || body.Failing.Count > 0)
            .SelectMany(d => d.Detect(d.ReadsTheTestBody ? body : sample)));
        return summary with
        {
            PassingProfile = OutcomeProfiler.Profile(sample.Passing, labels),
            FailingProfile = OutcomeProfiler.Profile(sample.Failing, labels),
            Causes = causes.Count > 0 ? causes : [CauseHint.None(sample.Failing.Count, sample.Passing.Count, Checked(sample, labels))],
            FailedRunIds = inFlakyCommits.Where(e => e.Outcome == TestOutcome.Failed).Select(e => e.RunId).ToHashSet(StringComparer.Ordinal),
            RunIds = inFlakyCommits.Select(e => e.RunId).ToHashSet(StringComparer.Ordinal),
            FailingSample = sample.Failing,
            PassingSample = sample.Passing,
        };
    }

    /// <summary>What the detectors compared, for a <c>none</c> that says what was looked at.</summary>
    private static List<string> Checked(FlakySample sample, List<string> labels)
    {
        var fixtureWork = sample.Failing.Concat(sample.Passing).Count(e => e.FixtureTraceIds.Count > 0);
        return
        [
            $"{labels.Count} span labels for race, timing and external",
            "the test's duration up to its last span",
            "tests that ran before it in the same process",
            "tests and resources at the moment of its wait",
            fixtureWork > 0 ? $"fixture work linked to {fixtureWork} executions" : "no fixture work linked",
        ];
    }

    // A dictionary with the default comparer hashes strings with the fast non-randomized hash,
    // unlike LINQ's GroupBy: this runs over every execution of the corpus.
    internal static Dictionary<string, List<TestExecution>> GroupBy(IEnumerable<TestExecution> executions, Func<TestExecution, string> key)
    {
        var groups = new Dictionary<string, List<TestExecution>>();
        string? lastKey = null;
        List<TestExecution>? last = null;
        foreach (var execution in executions)
        {
            // Executions arrive in file order, so neighbours mostly share a run or commit, and
            // the reader interned the string: a reference check skips hashing the key again.
            var k = key(execution);
            if (!ReferenceEquals(k, lastKey) || last is null)
            {
                if (!groups.TryGetValue(k, out last))
                {
                    groups[k] = last = [];
                }

                lastKey = k;
            }

            last.Add(execution);
        }

        return groups;
    }

    private static int CountDistinct(IEnumerable<string> values)
    {
        var distinct = new HashSet<string>();
        string? last = null;
        foreach (var value in values)
        {
            if (!ReferenceEquals(value, last))
            {
                distinct.Add(value);
                last = value;
            }
        }

        return distinct.Count;
    }

    private static List<TestExecution> Latest(List<TestExecution> executions, TestOutcome outcome, int limit)
    {
        var matching = executions.Where(e => e.Outcome == outcome).ToList();
        return matching.Count <= limit ? matching : [.. matching.OrderByDescending(e => e.StartNanos).Take(limit)];
    }
}
