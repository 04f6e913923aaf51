namespace FlakyCollector.Tracing;

/// <summary>Attribute names of test spans: OpenTelemetry semantic conventions first, FlakyTrace's own after.</summary>
public static class TestAttributeNames
{
    public const string CaseName = "test.case.name";
    public const string CaseResultStatus = "test.case.result.status";
    public const string SuiteName = "test.suite.name";
    public const string SuiteRunStatus = "test.suite.run.status";
    public const string Framework = "test.framework";
    public const string RunId = "test.run.id";
    public const string Outcome = "test.outcome";
    public const string Attempt = "test.case.attempt";
    public const string TraitPrefix = "test.case.trait.";
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
    public const string Output = "flakytrace.test.output";
    public const string ErrorOutput = "flakytrace.test.error_output";

    /// <summary>On the root span of work done outside any test: the test classes (suite names) whose fixture or class setup did it.</summary>
    public const string FixtureSuites = "flakytrace.fixture.suites";

    /// <summary>Attribute of a span link that says what the link means.</summary>
    public const string LinkType = "flakytrace.link.type";

    /// <summary><see cref="LinkType"/> of a test span's link to the root of work its class's fixture or setup did outside any test.</summary>
    public const string FixtureLinkType = "fixture";
}
