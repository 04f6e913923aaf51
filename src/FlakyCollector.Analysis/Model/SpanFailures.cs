namespace FlakyCollector.Analysis.Model;

/// <summary>
/// Reads a span's failure from its status, HTTP status code and <c>error.type</c>. .NET's HTTP
/// client writes <c>error.type</c> as the <c>HttpRequestError</c> name ("connection_error") for a
/// connection that failed, the exception's type name for a cancellation
/// ("System.Threading.Tasks.TaskCanceledException"), and the status code for an error answer.
/// </summary>
internal static class SpanFailures
{
    private static readonly string[] UnreachableMarkers =
    [
        "connection_error", "name_resolution_error", "secure_connection_error", "response_ended", "http_protocol_error",
        "SocketException", "HttpRequestException", "IOException", "refused", "reset",
    ];

    public static SpanFailure Classify(in ChildSpanEntry span)
    {
        if (span.HttpStatusCode >= 500)
        {
            return SpanFailure.ServerError;
        }

        if (span.HttpStatusCode >= 400)
        {
            return SpanFailure.ClientError;
        }

        if (IsCancellation(span.ErrorType) || span.HttpStatusCode is 408)
        {
            return SpanFailure.Cancelled;
        }

        if (!span.Error)
        {
            return SpanFailure.None;
        }

        return span.ErrorType is { } type && Array.Exists(UnreachableMarkers, m => type.Contains(m, StringComparison.OrdinalIgnoreCase))
            ? SpanFailure.Unreachable
            : SpanFailure.Failed;
    }

    public static bool IsCancellation(string? errorType) =>
        errorType is not null && (errorType.Contains("TaskCanceled", StringComparison.Ordinal)
            || errorType.Contains("OperationCanceled", StringComparison.Ordinal)
            || errorType.Contains("timeout", StringComparison.OrdinalIgnoreCase));
}
