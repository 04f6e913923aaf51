namespace FlakyCollector.Export;

/// <summary>The outcome of one HTTP request of an export.</summary>
/// <param name="Succeeded">The endpoint accepted the request.</param>
/// <param name="Error">Why not, in a few words; null when abandoned at the deadline.</param>
/// <param name="Retryable">The failure is one the OTLP specification says to retry.</param>
/// <param name="RetryAfter">How long the endpoint asked to wait before retrying.</param>
/// <param name="Abandoned">The deadline or the caller's token ended the request.</param>
internal readonly record struct ExportAttempt(bool Succeeded, string? Error, bool Retryable = false,
    TimeSpan? RetryAfter = null, bool Abandoned = false)
{
    public static ExportAttempt Success { get; } = new(true, null);

    public static ExportAttempt Cancelled { get; } = new(false, null, Abandoned: true);

    public static ExportAttempt Failed(string error, bool retryable = false, TimeSpan? retryAfter = null) =>
        new(false, error, retryable, retryAfter);

    /// <summary>The HTTP statuses OTLP/HTTP says to retry; gRPC maps the same ones to UNAVAILABLE.</summary>
    public static bool IsRetryableHttpStatus(int status) => status is 429 or 502 or 503 or 504;
}
