namespace FlakyCollector.Analysis.Statistics;

/// <summary>
/// Mann-Whitney U comparison of two samples: the probability that a value from the first sample
/// exceeds one from the second (ties count half), and the one-sided p-value of "the first is
/// larger": exact for small samples without ties (<see cref="ExactRankDistribution"/>), otherwise
/// from the normal approximation with tie correction and continuity correction.
/// Rank-based, so one huge outlier cannot make a difference by itself.
/// </summary>
internal readonly record struct RankComparison(double ProbabilityGreater, double PValue)
{
    public static RankComparison Compare(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        int n1 = first.Count, n2 = second.Count;
        if (n1 == 0 || n2 == 0)
        {
            return new RankComparison(0.5, 1);
        }

        // Sort values with a parallel array of sample flags: no comparison delegate, no tuples.
        var values = new double[n1 + n2];
        var isFirst = new bool[n1 + n2];
        for (var i = 0; i < n1; i++)
        {
            values[i] = first[i];
            isFirst[i] = true;
        }

        for (var i = 0; i < n2; i++)
        {
            values[n1 + i] = second[i];
        }

        Array.Sort(values, isFirst);
        double rankSumFirst = 0, tieTerm = 0;
        var n = values.Length;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && values[j + 1] == values[i])
            {
                j++;
            }

            var averageRank = ((i + j) / 2.0) + 1;
            var ties = j - i + 1;
            tieTerm += ((double)ties * ties * ties) - ties;
            for (var k = i; k <= j; k++)
            {
                if (isFirst[k])
                {
                    rankSumFirst += averageRank;
                }
            }

            i = j + 1;
        }

        var u = rankSumFirst - (n1 * (n1 + 1) / 2.0);
        var pairs = (double)n1 * n2;
        if (tieTerm == 0 && pairs <= ExactRankDistribution.MaxPairs)
        {
            return new RankComparison(u / pairs, ExactRankDistribution.UpperTail(n1, n2, (int)Math.Round(u)));
        }

        var variance = pairs / 12.0 * ((n + 1) - (tieTerm / ((double)n * (n - 1))));
        var p = variance <= 0 ? (u > pairs / 2 ? 0 : 1) : NormalDistribution.UpperTail((u - (pairs / 2) - 0.5) / Math.Sqrt(variance));
        return new RankComparison(u / pairs, Math.Clamp(p, 0, 1));
    }
}
