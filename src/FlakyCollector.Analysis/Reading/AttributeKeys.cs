namespace FlakyCollector.Analysis.Reading;

/// <summary>
/// Maps a UTF-8 attribute key to an <see cref="AttributeKey"/>. Older semantic-convention names
/// (<c>http.method</c>, <c>http.url</c>, <c>http.status_code</c>, <c>net.peer.name</c>) map to
/// their current equivalents so traces from older instrumentation still group correctly.
/// </summary>
internal static class AttributeKeys
{
    public static AttributeKey Classify(ReadOnlySpan<byte> key) => key.Length switch
    {
        8 => key.SequenceEqual("url.full"u8) ? AttributeKey.UrlFull
            : key.SequenceEqual("url.path"u8) ? AttributeKey.UrlPath
            : key.SequenceEqual("http.url"u8) ? AttributeKey.UrlFull : AttributeKey.Unknown,
        9 => key.SequenceEqual("host.name"u8) ? AttributeKey.HostName : AttributeKey.Unknown,
        10 => key.SequenceEqual("error.type"u8) ? AttributeKey.ErrorType
            : key.SequenceEqual("http.route"u8) ? AttributeKey.HttpRoute : AttributeKey.Unknown,
        11 => key.SequenceEqual("test.run.id"u8) ? AttributeKey.TestRunId
            : key.SequenceEqual("http.method"u8) ? AttributeKey.HttpMethod : AttributeKey.Unknown,
        12 => key.SequenceEqual("test.outcome"u8) ? AttributeKey.TestOutcome
            : key.SequenceEqual("service.name"u8) ? AttributeKey.ServiceName : AttributeKey.Unknown,
        13 => key.SequenceEqual("net.peer.name"u8) ? AttributeKey.ServerAddress : AttributeKey.Unknown,
        14 => key.SequenceEqual("test.case.name"u8) ? AttributeKey.TestCaseName
            : key.SequenceEqual("server.address"u8) ? AttributeKey.ServerAddress
            : key.SequenceEqual("exception.type"u8) ? AttributeKey.ExceptionType
            : key.SequenceEqual("db.system.name"u8) ? AttributeKey.DbSystem : AttributeKey.Unknown,
        15 => key.SequenceEqual("test.suite.name"u8) ? AttributeKey.TestSuiteName : AttributeKey.Unknown,
        16 => key.SequenceEqual("http.status_code"u8) ? AttributeKey.HttpStatusCode : AttributeKey.Unknown,
        17 => key.SequenceEqual("test.case.attempt"u8) ? AttributeKey.TestAttempt
            : key.SequenceEqual("exception.message"u8) ? AttributeKey.ExceptionMessage
            : key.SequenceEqual("db.operation.name"u8) ? AttributeKey.DbOperation : AttributeKey.Unknown,
        18 => key.SequenceEqual("db.collection.name"u8) ? AttributeKey.DbCollection : AttributeKey.Unknown,
        19 => key.SequenceEqual("http.request.method"u8) ? AttributeKey.HttpMethod : AttributeKey.Unknown,
        20 => key.SequenceEqual("exception.stacktrace"u8) ? AttributeKey.ExceptionStackTrace
            : key.SequenceEqual("process.runtime.name"u8) ? AttributeKey.RuntimeName
            : key.SequenceEqual("flakytrace.span.late"u8) ? AttributeKey.SpanLate
            : key.SequenceEqual("flakytrace.link.type"u8) ? AttributeKey.LinkType : AttributeKey.Unknown,
        21 => key.SequenceEqual("test.suite.run.status"u8) ? AttributeKey.TestSuiteRunStatus
            : key.SequenceEqual("vcs.ref.head.revision"u8) ? AttributeKey.Revision : AttributeKey.Unknown,
        23 => key.SequenceEqual("test.case.result.status"u8) ? AttributeKey.TestResultStatus
            : key.SequenceEqual("flakytrace.testhost.pid"u8) ? AttributeKey.TestHostPid
            : key.SequenceEqual("process.runtime.version"u8) ? AttributeKey.RuntimeVersion : AttributeKey.Unknown,
        24 => key.SequenceEqual("flakytrace.failure.phase"u8) ? AttributeKey.FailurePhase : AttributeKey.Unknown,
        25 => key.SequenceEqual("http.response.status_code"u8) ? AttributeKey.HttpStatusCode : AttributeKey.Unknown,
        26 => key.SequenceEqual("flakytrace.span.unfinished"u8) ? AttributeKey.SpanUnfinished : AttributeKey.Unknown,
        27 => key.SequenceEqual("vcs.repository.ref.revision"u8) ? AttributeKey.Revision
            : key.SequenceEqual("process.runtime.description"u8) ? AttributeKey.RuntimeDescription : AttributeKey.Unknown,
        _ => AttributeKey.Unknown,
    };
}
