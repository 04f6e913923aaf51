using System.Diagnostics;

namespace FlakyCollector.Recording;

/// <summary>
/// Names shared with the hooks that the package compiles into test projects (build/hooks/*.cs).
/// Most hooks cannot reference this assembly (they compile where it is not referenced too), so the
/// same literals stand there; HookSourceLiteralsTests holds them equal.
/// </summary>
internal static class TestActivityNames
{
    /// <summary>The ActivitySource of test spans, both the hooks' and the collector's own.</summary>
    public const string SourceName = "FlakyTrace.Test";

    /// <summary>
    /// Tag that carries the key under which a hook's test activity is matched to its vstest test case:
    /// the test case's fully qualified name (xUnit: class full name + "." + method; NUnit: the test's FullName).
    /// </summary>
    public const string KeyTag = "flakytrace.test.key";

    /// <summary>Tag the MSTest and NUnit hooks set on the test activity: the framework's outcome.</summary>
    public const string OutcomeTag = "flakytrace.test.outcome";

    /// <summary>The root <see cref="Testing.TestTrace"/> makes for a test that no hook or recorder timed.</summary>
    public const string UntimedTestName = "FlakyTrace.Test.Untimed";

    /// <summary>TUnit's own ActivitySource: it starts a root "test case" activity per test, so TUnit needs no hook.</summary>
    public const string TUnitSourceName = "TUnit";

    /// <summary>The operation name of TUnit's per-test activity.</summary>
    public const string TUnitTestCaseName = "test case";

    /// <summary>The tag on TUnit's test activity that holds the test node's uid, the key it is matched by.</summary>
    public const string TUnitNodeUidTag = "tunit.test.node_uid";

    /// <summary>Span attribute of work a test started that ended after the test had ended (a race, for the analysis).</summary>
    public const string LateAttribute = "flakytrace.span.late";

    /// <summary>Span attribute of work a test started that had not ended when the test process finished: its end is when the collector gave up waiting.</summary>
    public const string UnfinishedAttribute = "flakytrace.span.unfinished";

    /// <summary>ActivitySources recorded in every run, besides the ones the user names.</summary>
    public static readonly IReadOnlyList<string> DefaultSources =
        ["System.Net.Http", "Microsoft.AspNetCore", Database.DatabaseNames.SourceName, Database.DatabaseNames.NpgsqlSourceName];

    /// <summary>Whether <paramref name="activity"/> is a test's own root: a hook's, the collector's, or TUnit's per-test activity.</summary>
    public static bool IsTestRoot(Activity activity) =>
        activity.Parent is null && activity.ParentSpanId == default
        && (activity.Source.Name == SourceName
            || (activity.Source.Name == TUnitSourceName && activity.OperationName == TUnitTestCaseName));
}
