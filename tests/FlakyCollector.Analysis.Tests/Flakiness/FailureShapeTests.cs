using FlakyCollector.Analysis.Flakiness;

namespace FlakyCollector.Analysis.Tests.Flakiness;

public sealed class FailureShapeTests
{
    [Theory]
    [InlineData("rendering took 300 ms", "rendering took 307 ms")]
    [InlineData("order 4711 not found", "order 98 not found")]
    [InlineData("session 3f2c1b7e-9a4d-4c1e-8f00-1234567890ab expired", "session 0d2c1b7e-9a4d-4c1e-8f00-aaaaaaaaaaaa expired")]
    [InlineData("trace 4bf92f3577b34da6a3ce929d0e0e4736 lost", "trace 00f067aa0ba902b7a3ce929d0e0e4736 lost")]
    [InlineData("deadline 2025-03-01T08:00:01Z passed", "deadline 2025-11-24T10:12:59.123+01:00 passed")]
    public void Of_MessagesDifferingOnlyInNumbersIdsOrTimes_HaveOneShape(string first, string second) =>
        Assert.Equal(FailureShape.Of(first), FailureShape.Of(second));

    [Fact]
    public void Of_DifferentWords_DifferentShapes() =>
        Assert.NotEqual(FailureShape.Of("stock 3 missing"), FailureShape.Of("stock 3 locked"));
}
