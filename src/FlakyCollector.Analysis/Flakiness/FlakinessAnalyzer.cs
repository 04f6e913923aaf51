using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Flakiness;

/// <summary>
/// Finds the flaky tests in a <see cref="TraceCorpus"/> and explains them. A test is flaky when it
/// both passed and failed on the same commit (<c>vcs.ref.head.revision</c>; all runs count as one
/// commit when none is recorded).
/// </summary>
public static class FlakinessAnalyzer
{
    public static FlakinessReport Analyze(TraceCorpus corpus, AnalysisOptions? options = null)
    {
        options ??= new AnalysisOptions();
        var executions = corpus.Executions;
        var byTest = GroupBy(executions, e => e.Name);
        Lazy<ICauseDetector[]> detectors = new(() =>
        {
            var runs = GroupBy(executions, e => e.RunId);
            return
            [
                new TimingCauseDetector(options),
                new ExternalCauseDetector(options),
                new OrderCauseDetector(new ProcessHistory(runs), options),
                new ContentionCauseDetector(new RunConcurrency(runs), options),
            ];
        });

        // Tests are independent and the detectors only read shared indexes: use every core.
        var tests = byTest.AsParallel().Select(group => Summarize(group.Key, group.Value, detectors, options));
        var ordered = tests
            .OrderByDescending(t => t.Flaky)
            .ThenByDescending(t => t.FailedRuns)
            .ThenByDescending(t => t.FailureRate)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var runs = CountDistinct(executions.Select(e => e.RunId));
        var commits = CountDistinct(executions.Select(e => e.Commit ?? ""));
        return new FlakinessReport(ordered, corpus.Input, runs, commits);
    }

    private static TestSummary Summarize(string name, List<TestExecution> executions, Lazy<ICauseDetector[]> detectors, AnalysisOptions options)
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
        var topError = TopError(executions);
        var summary = new TestSummary
        {
            Name = name,
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
            TopError = topError.Headline,
            TopErrorCount = topError.Count,
        };
        if (!summary.Flaky)
        {
            return summary;
        }

        var commits = flakyCommits.ToHashSet();
        var inFlakyCommits = executions.Where(e => commits.Contains(e.Commit ?? "")).ToList();
        var sample = new FlakySample(
            name,
            Latest(inFlakyCommits, TestOutcome.Failed, options.MaxExecutionsPerOutcome),
            Latest(inFlakyCommits, TestOutcome.Passed, options.MaxExecutionsPerOutcome));
        var labels = sample.Failing.Concat(sample.Passing).SelectMany(e => e.Children).Select(c => c.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        var causes = detectors.Value.SelectMany(d => d.Detect(sample)).OrderByDescending(h => h.Score).ToList();
        return summary with
        {
            PassingProfile = OutcomeProfiler.Profile(sample.Passing, labels),
            FailingProfile = OutcomeProfiler.Profile(sample.Failing, labels),
            Causes = causes.Count > 0 ? causes : [CauseHint.None(sample.Failing.Count, sample.Passing.Count)],
        };
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

    /// <summary>The most common failure headline (error type and first line of the message) and its count.</summary>
    private static (string? Headline, int Count) TopError(List<TestExecution> executions)
    {
        // Count whole (type, message) pairs first; build a headline string only per distinct pair.
        var counts = new Dictionary<(string?, string?), int>();
        foreach (var execution in executions)
        {
            if (execution.Outcome == TestOutcome.Failed)
            {
                var key = (execution.ErrorType, execution.ErrorMessage);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts
            .GroupBy(c => Headline(c.Key.Item1, c.Key.Item2))
            .Select(g => ((string?)g.Key, g.Sum(c => c.Value)))
            .OrderByDescending(h => h.Item2)
            .FirstOrDefault();
    }

    private static string Headline(string? errorType, string? errorMessage)
    {
        var message = errorMessage ?? "";
        var newline = message.IndexOfAny(['\r', '\n']);
        var firstLine = newline < 0 ? message : message[..newline];
        return errorType is null ? firstLine : $"{errorType}: {firstLine}";
    }
}
