namespace FlakyCollector.Analysis.Statistics;

/// <summary>
/// The exact null distribution of the Mann-Whitney U statistic for small samples without ties.
/// Flaky tests are often judged on a dozen runs, where the normal approximation overstates the
/// p-value of a perfect separation (3 failing runs all slower than 9 passing ones: exact 1/220,
/// approximate about twice that) and would make the analysis miss what the data clearly shows.
/// </summary>
internal static class ExactRankDistribution
{
    /// <summary>Samples this small or smaller (n1 × n2) get the exact p-value.</summary>
    public const int MaxPairs = 400;

    /// <summary>P(U ≥ u) when both samples come from one distribution; u must be a whole number.</summary>
    public static double UpperTail(int n1, int n2, int u)
    {
        var counts = Counts(n1, n2);
        double total = 0, tail = 0;
        for (var k = 0; k < counts.Length; k++)
        {
            total += counts[k];
            if (k >= u)
            {
                tail += counts[k];
            }
        }

        return tail / total;
    }

    // The number of orderings of n1 + n2 values for which U takes each value 0..n1·n2, built up by
    // the recursion f(m, n, k) = f(m - 1, n, k - n) + f(m, n - 1, k) (the largest value belongs to
    // one sample or the other).
    private static double[] Counts(int n1, int n2)
    {
        var previous = new double[n2 + 1][];
        for (var n = 0; n <= n2; n++)
        {
            previous[n] = [1];
        }

        for (var m = 1; m <= n1; m++)
        {
            var current = new double[n2 + 1][];
            current[0] = [1];
            for (var n = 1; n <= n2; n++)
            {
                var row = new double[(m * n) + 1];
                for (var k = 0; k < row.Length; k++)
                {
                    var withoutLargestFromSecond = current[n - 1];
                    var withoutLargestFromFirst = previous[n];
                    row[k] = (k < withoutLargestFromSecond.Length ? withoutLargestFromSecond[k] : 0)
                        + (k - n >= 0 && k - n < withoutLargestFromFirst.Length ? withoutLargestFromFirst[k - n] : 0);
                }

                current[n] = row;
            }

            previous = current;
        }

        return previous[n2];
    }
}
