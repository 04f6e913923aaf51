namespace FlakyCollector.Export;

/// <summary>The outcome of one <see cref="ITraceExporter.ExportAsync"/> call.</summary>
/// <param name="Succeeded">True when every span was accepted.</param>
/// <param name="ExportedSpanCount">Spans the endpoint accepted (those of successful requests).</param>
/// <param name="Error">
/// Null on success; otherwise one line naming the endpoint, fit to show a user. It never contains
/// header values, which may be API keys.
/// </param>
internal sealed record ExportResult(bool Succeeded, int ExportedSpanCount, string? Error)
{
    internal static ExportResult Success(int exportedSpanCount) => new(true, exportedSpanCount, null);

    internal static ExportResult Failure(int exportedSpanCount, string error) => new(false, exportedSpanCount, error);
}
