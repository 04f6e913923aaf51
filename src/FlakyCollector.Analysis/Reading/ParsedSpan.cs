namespace FlakyCollector.Analysis.Reading;

/// <summary>
/// The fields of one span that the analysis needs. Instances are pooled and reused for every line,
/// so that reading a span allocates nothing but the strings the analysis keeps.
/// </summary>
internal sealed class ParsedSpan
{
    public UInt128 TraceId;
    public ulong SpanId;
    public ulong ParentSpanId;
    public string Name = "";
    public int Kind;
    public long StartNanos;
    public long EndNanos;
    public int StatusCode;
    public string? StatusMessage;
    public string? ScopeName;
    public string? TestCaseName;
    public string? TestResultStatus;
    public string? TestOutcome;
    public string? TestSuiteName;
    public string? RunId;
    public long ProcessId;
    public int Attempt;
    public bool IsSuiteRun;
    public string? ErrorType;
    public string? HttpMethod;
    public string? UrlPath;
    public string? UrlHost;
    public string? ServerAddress;

    /// <summary><c>http.route</c>: the route template a server span answered, "/orders/{id}".</summary>
    public string? HttpRoute;
    public int HttpStatusCode;
    public string? ExceptionType;
    public string? ExceptionMessage;
    public string? ExceptionStackTrace;
    public string? Commit;
    public string? ServiceName;
    public string? HostName;
    public string? RuntimeName;
    public string? RuntimeVersion;
    public string? RuntimeDescription;
    public string? DbSystem;
    public string? DbOperation;
    public string? DbCollection;

    /// <summary><c>flakytrace.failure.phase</c>: <c>setup</c> when the test failed before its body ran.</summary>
    public string? FailurePhase;

    /// <summary><c>flakytrace.span.late</c>: the collector saw this span end after its test's span.</summary>
    public bool IsLate;

    /// <summary>
    /// <c>flakytrace.span.unfinished</c>: the span had not ended when its test process finished, and
    /// its end is when the collector gave up waiting. Its duration is unknown, not long.
    /// </summary>
    public bool IsUnfinished;

    /// <summary>Traces of the fixtures that served this test (links of type <c>fixture</c>); null when none.</summary>
    public List<UInt128>? FixtureTraceIds;

    public bool IsRoot => ParentSpanId == 0;

    /// <summary>Takes the resource's <c>process.runtime.*</c> attributes, as the commit and service are taken.</summary>
    public void InheritRuntime(ParsedSpan resource)
    {
        RuntimeName = resource.RuntimeName;
        RuntimeVersion = resource.RuntimeVersion;
        RuntimeDescription = resource.RuntimeDescription;
    }

    public void Reset()
    {
        TraceId = default;
        SpanId = ParentSpanId = 0;
        Name = "";
        Kind = StatusCode = HttpStatusCode = Attempt = 0;
        StartNanos = EndNanos = ProcessId = 0;
        IsSuiteRun = false;
        StatusMessage = ScopeName = TestCaseName = TestResultStatus = TestOutcome = TestSuiteName = null;
        RunId = ErrorType = HttpMethod = UrlPath = UrlHost = ServerAddress = HttpRoute = null;
        FixtureTraceIds = null;
        ExceptionType = ExceptionMessage = ExceptionStackTrace = null;
        Commit = ServiceName = HostName = null;
        RuntimeName = RuntimeVersion = RuntimeDescription = null;
        DbSystem = DbOperation = DbCollection = FailurePhase = null;
        IsLate = IsUnfinished = false;
    }
}
