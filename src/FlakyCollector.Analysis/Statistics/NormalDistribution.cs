namespace FlakyCollector.Analysis.Statistics;

/// <summary>The standard normal upper tail, for the large-sample approximation of rank tests.</summary>
internal static class NormalDistribution
{
    /// <summary>P(Z &gt; z) for a standard normal Z.</summary>
    public static double UpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    private static readonly double[] Coefficients =
        [-0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418, 0.37409196, 1.00002368];

    // Chebyshev approximation (Numerical Recipes' erfcc): relative error below 1.2e-7 everywhere,
    // far finer than any threshold the detectors use.
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + (0.5 * z));
        var polynomial = 0.17087277;
        foreach (var coefficient in Coefficients)
        {
            polynomial = coefficient + (t * polynomial);
        }

        var r = t * Math.Exp(-(z * z) - 1.26551223 + (t * polynomial));
        return x >= 0 ? r : 2.0 - r;
    }
}
