using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Tests.Statistics;

public sealed class ExactRankDistributionTests
{
    [Theory]
    [InlineData(3, 9)]
    [InlineData(1, 1)]
    [InlineData(5, 7)]
    public void UpperTail_PerfectSeparation_OneOverTheNumberOfOrderings(int n1, int n2)
    {
        var orderings = Choose(n1 + n2, n1);

        Assert.Equal(1 / orderings, ExactRankDistribution.UpperTail(n1, n2, n1 * n2), 12);
    }

    [Fact]
    public void UpperTail_FromZero_IsCertain()
    {
        Assert.Equal(1.0, ExactRankDistribution.UpperTail(4, 6, 0), 12);
    }

    [Fact]
    public void UpperTail_SmallCase_MatchesCountingByHand()
    {
        // n1 = 2, n2 = 2: the 6 orderings give U = 0, 1, 2, 2, 3, 4, so P(U >= 3) = 2/6.
        Assert.Equal(2.0 / 6, ExactRankDistribution.UpperTail(2, 2, 3), 12);
    }

    [Fact]
    public void Compare_ThreeSlowFailuresAgainstNineFastPasses_ExactPValue()
    {
        var comparison = RankComparison.Compare([300, 301, 302], [50, 51, 52, 53, 54, 55, 56, 57, 58]);

        Assert.Equal(1.0, comparison.ProbabilityGreater);
        Assert.Equal(1 / 220.0, comparison.PValue, 12);
    }

    private static double Choose(int n, int k)
    {
        double result = 1;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}
