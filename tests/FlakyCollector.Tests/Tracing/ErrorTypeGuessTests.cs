using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Tracing;

public sealed class ErrorTypeGuessTests
{
    [Theory]
    // xUnit and NUnit.
    [InlineData("System.InvalidOperationException : Sequence contains no elements", "System.InvalidOperationException")]
    [InlineData("Shop.Orders.OrderRejectedException : over limit\nsecond line", "Shop.Orders.OrderRejectedException")]
    [InlineData("Shop.Tests.OrdersTests+FakeException : nested", "Shop.Tests.OrdersTests+FakeException")]
    [InlineData("Shop.ValidationError : bad input", "Shop.ValidationError")]
    // MSTest.
    [InlineData("Test method Shop.Tests.OrdersTests.Create threw exception: \nSystem.InvalidOperationException: Sequence contains no elements", "System.InvalidOperationException")]
    [InlineData("Test method Shop.Tests.OrdersTests.Create threw exception: System.TimeoutException: took too long", "System.TimeoutException")]
    public void FromMessage_FrameworkExceptionMessage_ReturnsType(string message, string expected)
    {
        Assert.Equal(expected, ErrorTypeGuess.FromMessage(message));
    }

    [Theory]
    [InlineData("Assert.Equal() Failure: Values differ\nExpected: 5\nActual:   4")]
    [InlineData("  Expected: 5\n  But was:  4")]
    [InlineData("Assert.AreEqual failed. Expected:<5>. Actual:<4>.")]
    [InlineData("Error: something")]
    [InlineData("The operation failed with InvalidOperationException: x")]
    [InlineData("")]
    [InlineData(null)]
    public void FromMessage_NoTypePrefix_ReturnsNull(string? message)
    {
        Assert.Null(ErrorTypeGuess.FromMessage(message));
    }
}
