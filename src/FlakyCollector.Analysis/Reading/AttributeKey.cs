namespace FlakyCollector.Analysis.Reading;

/// <summary>The span, event and resource attributes the analysis reads; others are skipped.</summary>
internal enum AttributeKey
{
    Unknown,
    TestCaseName,
    TestResultStatus,
    TestOutcome,
    TestSuiteName,
    TestRunId,
    TestHostPid,
    TestAttempt,
    TestSuiteRunStatus,
    ErrorType,
    HttpMethod,
    UrlFull,
    UrlPath,
    ServerAddress,
    HttpStatusCode,
    ExceptionType,
    ExceptionMessage,
    ExceptionStackTrace,
    ServiceName,
    Revision,
    HostName,
    RuntimeName,
    RuntimeVersion,
    RuntimeDescription,
    SpanLate,
    DbSystem,
    DbOperation,
    DbCollection,
}
