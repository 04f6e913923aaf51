using System.Globalization;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>
/// A time axis over a track: ticks at a round step (1, 2 or 5 times a power of ten milliseconds)
/// giving four to ten ticks, labelled from the track's start.
/// </summary>
internal static class TimeAxis
{
    public static void Write(TextWriter w, long spanNanos, string css = "axis")
    {
        var totalMs = Math.Max(spanNanos / 1e6, 0.001);
        var step = Step(totalMs);
        w.Write($"<div class=\"{css}\">");
        for (var t = 0.0; t <= totalMs + (step / 1000); t += step)
        {
            var fraction = t / totalMs;
            var left = Math.Round(fraction * 100, 3).ToString(CultureInfo.InvariantCulture);
            // A label near the right edge would spill into the next column: it hangs left of its tick.
            w.Write($"<span class=\"tick{(fraction > 0.9 ? " end" : "")}\" style=\"left:{left}%\">{Label(t)}</span>");
        }

        w.WriteLine("</div>");
    }

    internal static double Step(double totalMs)
    {
        var raw = totalMs / 6;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var factor = raw / power;
        return power * (factor <= 1 ? 1 : factor <= 2 ? 2 : factor <= 5 ? 5 : 10);
    }

    private static string Label(double ms) => ms == 0 ? "0" : Figures.Ms(Math.Round(ms, 3));
}
