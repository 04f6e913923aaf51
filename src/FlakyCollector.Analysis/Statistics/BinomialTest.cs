namespace FlakyCollector.Analysis.Statistics;

/// <summary>
/// One-sided exact binomial test: are <c>k</c> failures in <c>n</c> runs more than a failure rate
/// <c>p</c> explains? Exact at the handful of runs an experiment makes.
/// </summary>
internal static class BinomialTest
{
    /// <summary>P(X &gt;= <paramref name="successes"/>) for X ~ Binomial(<paramref name="trials"/>, <paramref name="probability"/>).</summary>
    public static double UpperTail(int successes, int trials, double probability)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        if (successes <= 0)
        {
            return 1;
        }

        if (successes > trials)
        {
            return 0;
        }

        probability = Math.Clamp(probability, 0, 1);
        if (probability == 0)
        {
            return 0;
        }

        if (probability == 1)
        {
            return 1;
        }

        var tail = 0.0;
        for (var k = successes; k <= trials; k++)
        {
            tail += Math.Exp(LogChoose(trials, k) + (k * Math.Log(probability)) + ((trials - k) * Math.Log(1 - probability)));
        }

        return Math.Min(1, tail);
    }

    private static double LogChoose(int n, int k)
    {
        var sum = 0.0;
        for (var i = 1; i <= k; i++)
        {
            sum += Math.Log(n - k + i) - Math.Log(i);
        }

        return sum;
    }
}
