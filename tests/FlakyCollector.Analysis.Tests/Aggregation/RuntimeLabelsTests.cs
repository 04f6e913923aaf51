using FlakyCollector.Analysis.Aggregation;

namespace FlakyCollector.Analysis.Tests.Aggregation;

public sealed class RuntimeLabelsTests
{
    [Theory]
    [InlineData(".NET", "8.0.11", null, ".NET 8")]
    [InlineData(".NET", "10.0.0", ".NET 10.0.0", ".NET 10")]
    [InlineData(null, null, ".NET 10.0.0-rc.2.25502.107", ".NET 10")]
    [InlineData(null, null, ".NET Framework 4.8.9032.0", ".NET Framework 4.8")]
    [InlineData(null, null, null, null)]
    public void Compute_ResourceAttributes_ShortRuntimeName(string? name, string? version, string? description, string? expected) =>
        Assert.Equal(expected, RuntimeLabels.Compute(name, version, description));
}
