namespace FlakyCollector.Analysis.Statistics;

/// <summary>
/// One-sided Fisher exact test on a 2x2 table: is a feature more common among failing executions
/// than among passing ones? Exact at any sample size, which matters because a flaky test often
/// has only a handful of failures.
/// </summary>
internal static class FisherExactTest
{
    private static readonly double[] SmallFactorials = BuildSmallFactorials();

    /// <summary>
    /// P(X &gt;= <paramref name="failingWith"/>) under the hypergeometric null, where X is the number of
    /// failing executions with the feature given the table's margins.
    /// </summary>
    public static double GreaterPValue(int failingWith, int failingWithout, int passingWith, int passingWithout)
    {
        var failing = failingWith + failingWithout;
        var withFeature = failingWith + passingWith;
        var total = failing + passingWith + passingWithout;
        var maxX = Math.Min(failing, withFeature);
        var p = 0.0;
        for (var x = failingWith; x <= maxX; x++)
        {
            var passingX = withFeature - x;
            var withoutX = failing - x;
            var passingWithoutX = total - failing - passingX;
            if (passingX < 0 || withoutX < 0 || passingWithoutX < 0)
            {
                continue;
            }

            var term = Math.Exp(LogChoose(failing, x) + LogChoose(total - failing, passingX) - LogChoose(total, withFeature));
            p += term;

            // Past the distribution's mode the terms only shrink: stop once they no longer count.
            if (term < p * 1e-17 && x > (double)failing * withFeature / Math.Max(1, total))
            {
                break;
            }
        }

        return Math.Clamp(p, 0, 1);
    }

    private static double LogChoose(int n, int k) => LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k);

    private static double LogFactorial(int n)
    {
        if (n < SmallFactorials.Length)
        {
            return SmallFactorials[n];
        }

        // Stirling's series: error below 1e-15 at this size.
        double x = n;
        return (x * Math.Log(x)) - x + (0.5 * Math.Log(2 * Math.PI * x)) + (1 / (12 * x)) - (1 / (360 * x * x * x));
    }

    private static double[] BuildSmallFactorials()
    {
        var table = new double[1024];
        for (var i = 2; i < table.Length; i++)
        {
            table[i] = table[i - 1] + Math.Log(i);
        }

        return table;
    }
}
