using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Tests.Statistics;

public sealed class BinomialTestTests
{
    [Theory]
    // Values from the binomial distribution's definition, sum of C(n,i) p^i (1-p)^(n-i) for i >= k.
    [InlineData(9, 10, 0.38, 0.001_087)]   // 10*0.38^9*0.62 + 0.38^10
    [InlineData(1, 10, 0.5, 0.999_023)]    // 1 - 0.5^10
    [InlineData(10, 10, 0.5, 0.000_977)]   // 0.5^10
    [InlineData(5, 10, 0.41, 0.392_2)]
    public void UpperTail_IsTheExactTail(int successes, int trials, double probability, double expected)
    {
        Assert.Equal(expected, BinomialTest.UpperTail(successes, trials, probability), 4);
    }

    [Fact]
    public void UpperTail_Edges()
    {
        Assert.Equal(1, BinomialTest.UpperTail(0, 10, 0.2));
        Assert.Equal(0, BinomialTest.UpperTail(11, 10, 0.2));
        Assert.Equal(0, BinomialTest.UpperTail(1, 10, 0));
        Assert.Equal(1, BinomialTest.UpperTail(10, 10, 1));
    }
}
