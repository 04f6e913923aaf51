using FlakyCollector.Analysis.Statistics;

namespace FlakyCollector.Analysis.Tests.Statistics;

public sealed class QuantilesTests
{
    [Theory]
    [InlineData(new double[] { 5 }, 0.5, 5)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.5, 2.5)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 0.5, 3)]
    [InlineData(new double[] { 0, 10 }, 0.95, 9.5)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 0.75, 4)]
    public void Of_SortedValues_InterpolatesBetweenRanks(double[] sorted, double probability, double expected) =>
        Assert.Equal(expected, Quantiles.Of(sorted, probability), 9);

    [Fact]
    public void Median_Empty_IsNaN() => Assert.True(double.IsNaN(Quantiles.Median([])));

    [Fact]
    public void Sorted_Unordered_ReturnsAscendingCopy() => Assert.Equal([1.0, 2, 3], Quantiles.Sorted([3.0, 1, 2]));
}
