using System.Globalization;

namespace FlakyCollector.Tracing;

/// <summary>
/// Keeps every failing test and every retry, and a share of the passing (and skipped) ones,
/// decided when the test has ended, so a failure is never dropped. The decision follows the
/// trace id like OpenTelemetry's TraceIdRatioBased sampler, so it is the same wherever it is made.
/// </summary>
internal sealed class PassingTestSampler(double ratio)
{
    public double Ratio { get; } = Math.Clamp(ratio, 0, 1);

    public bool Keep(string traceId, bool failed, int attempt)
    {
        if (failed || attempt > 1 || Ratio >= 1)
        {
            return true;
        }

        if (Ratio <= 0 || traceId.Length < 32)
        {
            return false;
        }

        // The low 8 bytes of the trace id, as the TraceIdRatioBased sampler reads them.
        var value = ulong.Parse(traceId.AsSpan(16, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture) >> 1;
        return value < (ulong)(Ratio * (ulong.MaxValue >> 1));
    }
}
