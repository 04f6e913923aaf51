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

    /// <summary>True on the span of a test the run settings' quarantine file lists (<c>&lt;Quarantine&gt;</c>).</summary>
    public const string Quarantined = "flakytrace.quarantined";
}
