using FlakyCollector.Analysis.Aggregation;

namespace FlakyCollector.Analysis.Tests.Aggregation;

public sealed class TestSpanFactsTests
{
    [Theory]
    [InlineData("System.InvalidOperationException : inventory corrupted", "inventory corrupted")]
    [InlineData("System.InvalidOperationException: inventory corrupted", "inventory corrupted")]
    [InlineData("inventory corrupted", "inventory corrupted")]
    [InlineData("System.InvalidOperationExceptionX happened", "System.InvalidOperationExceptionX happened")]
    public void WithoutTypePrefix_MessageRepeatingTheType_KeepsOnlyTheMessage(string message, string expected) =>
        Assert.Equal(expected, TestSpanFacts.WithoutTypePrefix(message, "System.InvalidOperationException"));
}
