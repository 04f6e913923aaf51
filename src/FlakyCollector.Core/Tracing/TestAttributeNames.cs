namespace FlakyCollector.Tracing;

/// <summary>Attribute names of test spans: OpenTelemetry semantic conventions first, FlakyTrace's own after.</summary>
internal static class TestAttributeNames
{
    /// <summary>The instrumentation scope of every span FlakyTrace builds.</summary>
    public const string ScopeName = "FlakyTrace";

    /// <summary>Span names of the run's own trace: these prefixes, then the assembly's or the class's name.</summary>
    public const string AssemblySpanPrefix = "test assembly ";
    public const string SuiteSpanPrefix = "test suite ";

    /// <summary>Link attribute of the run's own trace: why a span links to another, with the values below.</summary>
    public const string RunLinkType = "flakytrace.link";
    public const string LinkToSuite = "test.suite";
    public const string LinkOutsideTests = "outside_tests";

    public const string TestsPassed = "flakytrace.tests.passed";
    public const string TestsFailed = "flakytrace.tests.failed";
    public const string TestsSkipped = "flakytrace.tests.skipped";
    public const string ChildrenDropped = "flakytrace.children.dropped";

    public const string CaseName = "test.case.name";
    public const string CaseResultStatus = "test.case.result.status";
    public const string SuiteName = "test.suite.name";
    public const string SuiteRunStatus = "test.suite.run.status";
    public const string Framework = "test.framework";
    public const string RunId = "test.run.id";
    public const string Outcome = "test.outcome";
    public const string Attempt = "test.case.attempt";
    public const string TraitPrefix = "test.case.trait.";

    /// <summary>Why a test was skipped; the semantic conventions name none.</summary>
    public const string SkipReason = "test.case.skip_reason";
    public const string CodeFunction = "code.function.name";
    public const string CodeFile = "code.file.path";
    public const string CodeLine = "code.line.number";
    public const string ErrorType = "error.type";
    public const string ExceptionType = "exception.type";
    public const string ExceptionMessage = "exception.message";
    public const string ExceptionStacktrace = "exception.stacktrace";
    public const string ExceptionEvent = "exception";
    public const string TestHostPid = "flakytrace.testhost.pid";
    public const string Timing = "flakytrace.timing";

    /// <summary><c>setup</c> on a test that never ran because its fixture's set-up failed.</summary>
    public const string FailurePhase = "flakytrace.failure.phase";
    public const string Output = "flakytrace.test.output";
    public const string ErrorOutput = "flakytrace.test.error_output";

    /// <summary>True on the span of a test the run settings' quarantine file lists (<c>&lt;Quarantine&gt;</c>).</summary>
    public const string Quarantined = "flakytrace.quarantined";

    /// <summary>On the root span of work done outside any test: the test classes (suite names) whose fixture or class setup did it.</summary>
    public const string FixtureSuites = "flakytrace.fixture.suites";

    /// <summary>Attribute of a span link that says what the link means.</summary>
    public const string LinkType = "flakytrace.link.type";

    /// <summary><see cref="LinkType"/> of a test span's link to the root of work its class's fixture or setup did outside any test.</summary>
    public const string FixtureLinkType = "fixture";
}
