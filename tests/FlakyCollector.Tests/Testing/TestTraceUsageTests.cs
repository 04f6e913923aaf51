using FlakyCollector.Testing;

namespace FlakyCollector.Tests.Testing;

public sealed class TestTraceUsageTests
{
    [Fact]
    public void IsReferencedBy_AssemblyWhoseCodeNamesTestTrace_True()
    {
        Assert.True(TestTraceUsage.IsReferencedBy(typeof(TestTraceUsageTests).Assembly));
    }

    [Fact]
    public void IsReferencedBy_AssemblyThatDoesNotNameIt_False()
    {
        Assert.False(TestTraceUsage.IsReferencedBy(typeof(Xunit.FactAttribute).Assembly));
        // The core defines the type; it does not reference it.
        Assert.False(TestTraceUsage.IsReferencedBy(typeof(TestTrace).Assembly));
    }
}
