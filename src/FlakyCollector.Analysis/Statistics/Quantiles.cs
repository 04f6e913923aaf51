namespace FlakyCollector.Analysis.Statistics;

/// <summary>Order statistics with linear interpolation between ranks (the common "type 7" definition).</summary>
internal static class Quantiles
{
    public static double Median(IReadOnlyList<double> sorted) => Of(sorted, 0.5);

    public static double Of(IReadOnlyList<double> sorted, double probability)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var position = (sorted.Count - 1) * Math.Clamp(probability, 0, 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }

    public static double[] Sorted(IEnumerable<double> values)
    {
        var array = values.ToArray();
        Array.Sort(array);
        return array;
    }
}
