using System.Globalization;
using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;

namespace FlakyCollector.Analysis.Repro;

/// <summary>
/// Turns a cause the analysis named into the experiment that makes it happen on demand, from the
/// cause's own evidence:
/// <list type="bullet">
/// <item><c>timing</c>: the named span is held for the failing runs' median time in it, so that with its own time it
/// lasts at least as long as there; a call a timeout cut short, twice as long as it lasted before the cut. A plain-HTTP call is held
/// on the wire (a loopback relay), so the caller's deadline cancels it in flight; anything else is held at its start;</item>
/// <item><c>race</c>: the late work's span is held at its start until the test has ended, so it ends after the test's read;</item>
/// <item><c>external</c>: the named HTTP call gets the failing runs' most common status from a loopback server, or, where it failed without one, a refused connection;
/// where it timed out, it is made as slow as in the failing runs (the timing hint of the same span); an app's request (a server span, such as an app
/// tested in memory) is answered by the app with the failing runs' status; a set-up's failure read from its text (<c>setup Ns.Class.Init: HTTP 503</c>, no span
/// showed the call) makes every HTTP call of the class's set-up fail so, and none of the tests' own;</item>
/// <item><c>order</c>: the predecessor runs with the test, in the same process, and the test under repro starts only once the predecessor has ended
/// (it waits at its start, bounded), whatever order the runner picks; against the test alone;</item>
/// <item><c>contention</c>: the test runs with the tests that overlapped it or held the resource it waited for, and starts only once as many of them
/// are running as in the failing runs (it waits at its start, bounded); one test named at a wait brings the others that held the resource at that
/// wait, since it may not exhaust the resource alone; the whole suite when no particular test did; against the test alone.</item>
/// </list>
/// A cause that names nothing to act on (the test itself slower, no cause) cannot be reproduced, and says why.
/// </summary>
public static class ReproPlanner
{
    /// <summary>How long race work is held back at most, so that a test that does wait for it is delayed, not hung.</summary>
    public const int RaceHoldBoundMs = 5000;

    /// <summary>How long the test under repro waits at its start for its predecessor at most, so that a runner that runs it first is slowed, not hung.</summary>
    public const int PredecessorWaitBoundMs = 30000;

    private const string TestItself = "(test)";

    // What the collector's injection takes for any HTTP call (FlakyCollector.Repro.SpanPattern.AnyHttpCall).
    private const string AnyHttpCall = "HTTP *";

    public static ReproCondition Plan(TestSummary test) => Plan([test.Name], Strongest(test.Causes), test.Causes);

    /// <summary>One experiment for a whole cluster, from the cause its members share most.</summary>
    public static ReproCondition Plan(FailureCluster cluster) =>
        Plan([.. cluster.Tests.Select(t => t.Name)], cluster.Causes.Select(c => c.Hint).FirstOrDefault(h => h.Kind != CauseKind.None)
            ?? Strongest(cluster.Tests.SelectMany(t => t.Causes).ToList()));

    public static ReproCondition Plan(IReadOnlyList<string> tests, CauseHint? hint, IReadOnlyList<CauseHint>? others = null)
    {
        // A call that timed out failed by being slow: its timing hint says how slow.
        if (hint is { Kind: CauseKind.External } && Number(hint, "failingRunsWithTimeout") > 0 && Status(hint) is null
            && others?.FirstOrDefault(h => h.Kind == CauseKind.Timing && Text(h, "span") == Text(hint, "span")) is { } timing)
        {
            hint = timing;
        }

        if (hint is null || hint.Kind == CauseKind.None)
        {
            return new ReproCondition { Tests = tests, Kind = CauseKind.None, Cause = "none", Impossible = "the analysis named no cause to reproduce" };
        }

        var condition = new ReproCondition { Tests = tests, Kind = hint.Kind, Cause = $"{Name(hint.Kind)}: {hint.Summary}" };
        var span = Text(hint, "span");
        switch (hint.Kind)
        {
            case CauseKind.Timing when span is null or TestItself:
                return condition with { Impossible = "the test itself is slower in failing runs, and no span of it is: there is no work to slow down" };
            case CauseKind.Timing:
                var slow = Math.Max(1, Math.Round(SlowBy(hint)));
                return condition with { Injection = Injection(tests, "delay", span, $"by={slow.ToString(CultureInfo.InvariantCulture)}ms") };
            case CauseKind.Race when span is not null:
                return condition with { Injection = Injection(tests, "hold-until-test-ends", span, $"by={RaceHoldBoundMs}ms") };
            case CauseKind.External when span is not null:
                return External(condition, hint, span, tests);
            case CauseKind.Order when Text(hint, "otherTest") is { } predecessor:
                // Run together, the runner picks the order; the test under repro waits at its start for the predecessor to end.
                return condition with { Companions = [predecessor], Injection = Injection(tests, "start-after-test", predecessor, $"by={PredecessorWaitBoundMs}ms") };
            case CauseKind.Contention when Crowd(hint) is { Count: > 0 } crowd:
                // One test named at a wait may not exhaust the resource alone: the holders found at the same wait come too.
                if (!Names(hint, "holders") && Text(hint, "measuredAt") is { } wait
                    && others?.FirstOrDefault(h => h.Kind == CauseKind.Contention && Names(h, "holders") && Text(h, "measuredAt") == wait) is { } holding)
                {
                    (hint, crowd) = (holding, [.. crowd.Concat(Crowd(holding)).Distinct(StringComparer.Ordinal)]);
                }

                // Run together, the scheduler decides who overlaps; the test under repro waits at its start until as many of them run as in the failing runs.
                var median = Number(hint, "failingMedianHolders");
                var needed = median > 0 ? (int)Math.Clamp(Math.Round(median), 1, crowd.Count) : crowd.Count;
                return condition with
                {
                    Companions = crowd,
                    Injection = string.Join('\n', tests.Select(t => $"test={t}").Concat(["action=start-amid-tests", .. crowd.Select(c => $"amid={c}"),
                        $"count={needed.ToString(CultureInfo.InvariantCulture)}", $"by={PredecessorWaitBoundMs}ms"])),
                };
            case CauseKind.Contention:
                return condition with { WholeSuite = true };
            default:
                return condition with { Impossible = $"the {Name(hint.Kind)} cause names no span or test to act on" };
        }
    }

    /// <summary>
    /// How long to hold the span. A call that was cancelled (a client timeout, the test's deadline)
    /// was cut short: its failing runs' time is where the deadline fell, not what the work took, and
    /// holding it only that long lands on the deadline itself, where load decides the outcome. It is
    /// held twice that, or as long as its server took where the trace has the server's side.
    /// </summary>
    private static double SlowBy(CauseHint hint)
    {
        var cancelledAfter = Number(hint, "cancelledAfterMedianMs");
        return cancelledAfter > 0 ? Math.Max(2 * cancelledAfter, Number(hint, "serverMedianMs")) : Number(hint, "failingMedianMs");
    }

    /// <summary>The word the reports use for a cause kind.</summary>
    public static string Name(CauseKind kind) => kind.ToString().ToLowerInvariant();

    private static ReproCondition External(ReproCondition condition, CauseHint hint, string span, IReadOnlyList<string> tests)
    {
        if (IsRoute(span))
        {
            // The app's own answer, tested in memory: its request gets an endpoint that answers the status.
            return Status(hint) is { } answer
                ? condition with { Injection = Injection(tests, "fail-with-status", span, $"status={answer}") }
                : condition with { Impossible = $"the app's request {span} failed without an HTTP status; only a status can be made its answer" };
        }

        if (SetupFailures.DependencyFailureOf(span) is { } failure)
        {
            // Read from a failed set-up's text (no span showed the call): every HTTP call the set-up of the
            // tests' class makes fails so, none in the tests themselves.
            return failure.StartsWith("HTTP ", StringComparison.Ordinal) && int.TryParse(failure[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var setupStatus)
                ? condition with { Injection = Injection(tests, "fail-with-status", AnyHttpCall, $"status={setupStatus}", "scope=fixture") }
                : failure == "connection refused"
                    ? condition with { Injection = Injection(tests, "refuse-connection", AnyHttpCall, "scope=fixture") }
                    : condition with { Impossible = $"the set-up met '{failure}', which repro cannot make happen" };
        }

        if (!span.StartsWith("HTTP ", StringComparison.Ordinal))
        {
            return condition with { Impossible = $"only HTTP calls and an app's requests can be made to fail, and '{span}' is neither" };
        }

        if (Status(hint) is { } status)
        {
            return condition with { Injection = Injection(tests, "fail-with-status", span, $"status={status}") };
        }

        return Number(hint, "failingRunsWithTimeout") > 0
            ? condition with { Impossible = "the call timed out in failing runs; a timeout is the client's own setting, which repro cannot know" }
            : condition with { Injection = Injection(tests, "refuse-connection", span) };
    }

    // A server span's label: METHOD /route.
    private static bool IsRoute(string span) =>
        span.IndexOf(' ') is > 2 and var space && span[..space].All(char.IsAsciiLetterUpper) && span.Length > space + 1 && span[space + 1] == '/';

    // The tests the failing runs met: the resource's holders, the tests given, or the one test that overlapped.
    private static IReadOnlyList<string> Crowd(CauseHint hint) => hint.Evidence.FirstOrDefault(e => e.Name is "holders" or "otherTests")?.Value switch
    {
        IEnumerable<string> tests when tests.Any() => [.. tests],
        _ => Text(hint, "otherTest") is { } other ? [other] : [],
    };

    private static string? Status(CauseHint hint) => hint.Evidence.FirstOrDefault(e => e.Name == "failingStatusCodes")?.Value switch
    {
        IReadOnlyDictionary<string, int> codes when codes.Count > 0 => codes.MaxBy(c => c.Value).Key,
        _ => null,
    };

    private static string Injection(IReadOnlyList<string> tests, string action, string span, params string[] more) =>
        string.Join('\n', tests.Select(t => $"test={t}").Concat([$"action={action}", $"span={span}", .. more]));

    private static CauseHint? Strongest(IReadOnlyList<CauseHint> causes) => causes.FirstOrDefault(c => c.Kind != CauseKind.None);

    private static bool Names(CauseHint hint, string name) => hint.Evidence.Any(e => e.Name == name);

    private static string? Text(CauseHint hint, string name) => hint.Evidence.FirstOrDefault(e => e.Name == name)?.Value as string;

    private static double Number(CauseHint hint, string name) =>
        hint.Evidence.FirstOrDefault(e => e.Name == name)?.Value is { } value and (int or long or double or decimal or float)
            ? Convert.ToDouble(value, CultureInfo.InvariantCulture)
            : 0;
}
