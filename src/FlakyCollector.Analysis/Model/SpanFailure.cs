namespace FlakyCollector.Analysis.Model;

/// <summary>How a child span went wrong, as far as its own attributes say.</summary>
internal enum SpanFailure
{
    None,

    /// <summary>Cancelled or timed out with no answer (a client timeout, the test's own deadline): the other side was slow, not failing.</summary>
    Cancelled,

    /// <summary>An HTTP answer of 500 or more.</summary>
    ServerError,

    /// <summary>An HTTP answer of 400-499: the callee refused the request as asked, a symptom of the caller's state.</summary>
    ClientError,

    /// <summary>No connection: refused, reset, name not resolved, the answer cut off.</summary>
    Unreachable,

    /// <summary>Status Error for another reason.</summary>
    Failed,
}
