namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// The multiple-comparison rule shared by the detectors: a detector that tries m candidates (child
/// labels, other tests) multiplies each p-value by m (Bonferroni) before comparing with alpha, so
/// the threshold tightens by itself as a suite grows and a hint stays rare by chance alone.
/// </summary>
internal static class Significance
{
    public static double Adjust(double pValue, int candidates) => Math.Min(1, pValue * Math.Max(1, candidates));

    public static double Rounded(double value) => double.IsFinite(value) ? Math.Round(value, 3) : 0;

    public static double Milliseconds(double nanos) => Math.Round(nanos / 1e6, 1);

    public static string PValueText(double p) => p < 0.001 ? p.ToString("0.0e0", System.Globalization.CultureInfo.InvariantCulture) : p.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
