using System.Globalization;
using FlakyCollector.Configuration;

namespace FlakyCollector.Repro;

/// <summary>
/// The condition <c>flakytrace repro</c> injects, read from the <c>&lt;Repro&gt;</c> element of the
/// FlakyTrace configuration it writes into its own run settings: one <c>key=value</c> per line.
/// <code>
/// test=Ns.Class.Method       a test under repro (its test.case.name, or its method); one line per test of a cluster
/// action=delay               delay | hold-until-test-ends | fail-with-status | refuse-connection | start-after-test
/// span=HTTP GET host/path    the span, by name or by HTTP label ({..} matches one path segment); start-after-test: the predecessor test
/// by=250ms                   delay: how long; hold-until-test-ends, start-after-test: the bound
/// status=503                 fail-with-status: the status the call gets
/// amid=Ns.Other.Test         start-amid-tests: a test to run amid (one line each), in place of span=
/// count=2                    start-amid-tests: how many of them must be running
/// scope=fixture              fail-with-status, refuse-connection: only calls a fixture or class set-up makes for the tests
/// </code>
/// Without the element nothing is injected; a plan that cannot be read injects nothing either.
/// </summary>
internal sealed record ReproPlan(IReadOnlyList<string> Tests, ReproAction Action, SpanPattern Span, TimeSpan By, int Status)
{
    /// <summary>start-amid-tests: the tests the test under repro must run amid.</summary>
    public IReadOnlyList<string> Amid { get; init; } = [];

    /// <summary>start-amid-tests: how many of them must be running when it starts.</summary>
    public int Count { get; init; } = 1;

    /// <summary>Only calls that a fixture or class set-up makes for the tests under repro are acted on, none in the tests.</summary>
    public bool FixtureOnly { get; init; }

    /// <summary>The bound on holding work back when the plan names none.</summary>
    public static readonly TimeSpan DefaultHold = TimeSpan.FromSeconds(5);

    /// <summary>How long the test under repro waits for its predecessor when the plan names no bound.</summary>
    public static readonly TimeSpan DefaultWaitForPredecessor = TimeSpan.FromSeconds(30);

    public static ReproPlan? Parse(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var tests = new List<string>();
        var amid = new List<string>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = line.IndexOf('=');
            if (equals > 0)
            {
                var key = line[..equals].Trim();
                values[key] = line[(equals + 1)..].Trim();
                if (string.Equals(key, "test", StringComparison.OrdinalIgnoreCase) && values[key].Length > 0)
                {
                    tests.Add(values[key]);
                }
                else if (string.Equals(key, "amid", StringComparison.OrdinalIgnoreCase) && values[key].Length > 0)
                {
                    amid.Add(values[key]);
                }
            }
        }

        var span = values.GetValueOrDefault("span");
        var action = values.GetValueOrDefault("action") switch
        {
            "delay" => ReproAction.Delay,
            "hold-until-test-ends" => ReproAction.HoldUntilTestEnds,
            "fail-with-status" => ReproAction.FailWithStatus,
            "refuse-connection" => ReproAction.RefuseConnection,
            "start-after-test" => ReproAction.StartAfterTest,
            "start-amid-tests" => ReproAction.StartAmidTests,
            _ => (ReproAction?)null,
        };
        if (action == ReproAction.StartAmidTests && amid.Count > 0)
        {
            span ??= string.Join(", ", amid);
        }

        if (tests.Count == 0 || string.IsNullOrEmpty(span) || action is null)
        {
            problem = $"<{ReproSettingNames.Repro}> needs test=, span= and action= (delay, hold-until-test-ends, fail-with-status, refuse-connection, start-after-test or start-amid-tests with amid=); nothing is injected";
            return null;
        }

        var by = action == ReproAction.HoldUntilTestEnds ? DefaultHold : action is ReproAction.StartAfterTest or ReproAction.StartAmidTests ? DefaultWaitForPredecessor : TimeSpan.Zero;
        if (values.TryGetValue("by", out var byText) && !DurationParser.TryParse(byText, out by))
        {
            problem = $"<{ReproSettingNames.Repro}> by='{byText}' is not valid; use {DurationParser.Accepted}; nothing is injected";
            return null;
        }

        var status = 503;
        if (values.TryGetValue("status", out var statusText)
            && !(int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out status) && status is >= 100 and <= 599))
        {
            problem = $"<{ReproSettingNames.Repro}> status='{statusText}' is not an HTTP status; nothing is injected";
            return null;
        }

        var count = 1;
        if (values.TryGetValue("count", out var countText)
            && !(int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= 1))
        {
            problem = $"<{ReproSettingNames.Repro}> count='{countText}' is not a number of tests; nothing is injected";
            return null;
        }

        var scope = values.GetValueOrDefault("scope");
        if (scope is not (null or "fixture" or "test"))
        {
            problem = $"<{ReproSettingNames.Repro}> scope='{scope}' is not fixture or test; nothing is injected";
            return null;
        }

        return new ReproPlan(tests, action.Value, SpanPattern.Parse(span), by, status)
        {
            Amid = amid,
            Count = Math.Min(count, Math.Max(1, amid.Count)),
            FixtureOnly = scope == "fixture",
        };
    }

    /// <summary>
    /// Whether a test activity is a test under repro. The hooks name it by its key (xUnit and
    /// MSTest: class and method; NUnit: the full name with arguments), which a data row's
    /// <c>test.case.name</c> extends with its arguments.
    /// </summary>
    public bool IsTestUnderRepro(string operationName) => Tests.Any(test => Names(test, operationName));

    /// <summary>Whether a test activity is one of those a start-amid-tests plan runs the test under repro amid.</summary>
    public bool IsAmid(string operationName) => Action == ReproAction.StartAmidTests && Amid.Any(test => Names(test, operationName));

    /// <summary>Whether a test activity is the predecessor a start-after-test plan waits for.</summary>
    public bool IsPredecessor(string operationName) => Action == ReproAction.StartAfterTest && Names(Span.Label, operationName);

    /// <summary>
    /// Whether the predecessor of a start-after-test plan is in the class of <paramref name="operationName"/>:
    /// a class's tests run one after another, so while the test under repro waits, a predecessor
    /// of its own class that has not started cannot run.
    /// </summary>
    public bool PredecessorInClassOf(string operationName) =>
        Action == ReproAction.StartAfterTest && SuiteOf(operationName) is { } suite && suite == SuiteOf(Span.Label);

    /// <summary>
    /// Whether work outside any test, done for these classes (what a fixture's or class setup's code
    /// serves), is set-up of a test under repro: its failing call is the condition of the whole class.
    /// </summary>
    public bool ServesTestUnderRepro(IReadOnlyList<string>? suites) =>
        suites is { Count: > 0 } && Tests.Any(test => SuiteOf(test) is { } suite && suites.Contains(suite, StringComparer.Ordinal));

    // Ns.Class.Method(args) -> Ns.Class: the arguments may hold dots, the class name does not end the method's.
    private static string? SuiteOf(string test)
    {
        var end = test.IndexOfAny(['(', '[', '<']);
        var name = end < 0 ? test : test[..end];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : null;
    }

    private static bool Names(string test, string operationName) =>
        operationName == test
        || (test.StartsWith(operationName, StringComparison.Ordinal) && test.Length > operationName.Length && test[operationName.Length] is '(' or '[' or '<')
        || (operationName.StartsWith(test, StringComparison.Ordinal) && operationName.Length > test.Length && operationName[test.Length] is '(' or '[' or '<');
}
