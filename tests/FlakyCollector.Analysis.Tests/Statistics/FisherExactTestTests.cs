using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Tests.Statistics;

public sealed class FisherExactTestTests
{
    [Fact]
    public void GreaterPValue_TeaTasting_MatchesFisher()
    {
        // Fisher's lady tasting tea: 3 of 4 right; one-sided p = 17/70.
        Assert.Equal(17.0 / 70, FisherExactTest.GreaterPValue(3, 1, 1, 3), 9);
    }

    [Fact]
    public void GreaterPValue_CompleteSeparation_IsOneOverChoose()
    {
        // 5 failing all with the feature, 5 passing all without: 1 / C(10,5).
        Assert.Equal(1.0 / 252, FisherExactTest.GreaterPValue(5, 0, 0, 5), 12);
    }

    [Fact]
    public void GreaterPValue_NoAssociation_IsLarge() => Assert.True(FisherExactTest.GreaterPValue(2, 2, 10, 10) > 0.5);

    [Fact]
    public void GreaterPValue_LargeTable_StaysAccurate()
    {
        // Stirling's branch: same complete-separation identity, 1 / C(600,300) underflows to ~0.
        Assert.True(FisherExactTest.GreaterPValue(300, 0, 0, 300) < 1e-100);
        Assert.Equal(1.0, FisherExactTest.GreaterPValue(0, 300, 300, 0), 9);
    }
}
