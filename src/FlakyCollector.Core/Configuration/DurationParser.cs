using System.Globalization;

namespace FlakyCollector.Configuration;

/// <summary>
/// Parses durations written as <c>500ms</c>, <c>5s</c>, <c>1m</c>, or a bare number of
/// milliseconds (the unit of <c>OTEL_EXPORTER_OTLP_TIMEOUT</c>).
/// </summary>
internal static class DurationParser
{
    public const string Accepted = "a positive number of milliseconds, or a number followed by ms, s or m (e.g. 500ms, 5s)";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        var value = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var (number, unit) = value.EndsWith("ms", StringComparison.Ordinal) ? (value[..^2], 1.0)
            : value.EndsWith('s') ? (value[..^1], 1000.0)
            : value.EndsWith('m') ? (value[..^1], 60_000.0)
            : (value, 1.0);
        if (!double.TryParse(number.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            || amount <= 0 || !double.IsFinite(amount) || amount * unit > TimeSpan.FromHours(1).TotalMilliseconds)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(amount * unit);
        return true;
    }
}
