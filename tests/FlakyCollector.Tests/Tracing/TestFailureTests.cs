using FlakyCollector.Recording;
using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Tracing;

/// <summary>The exception that failed the test, not the last one the test process saw.</summary>
public sealed class TestFailureTests
{
    private static readonly RecordedException Assertion = new("NUnit.Framework.AssertionException", "  Expected: 503\r\n  But was:  200\r\n");
    private static readonly RecordedException Disposed = new("System.ObjectDisposedException", "Cannot access a disposed object.\nObject name: 'System.Net.HttpListener'.");

    [Fact]
    public void Of_AssertionThenADisposedStubThrowsAndCatches_TheAssertionsType()
    {
        var test = Failed("  Expected: 503\n  But was:  200\n", Assertion, Disposed);

        var failure = TestFailure.Of(test);

        Assert.Equal("NUnit.Framework.AssertionException", failure.Type);
    }

    [Fact]
    public void Of_TypePrefixedMessage_ThrownTypeAndTheExceptionsOwnMessage()
    {
        var thrown = new RecordedException("System.InvalidOperationException", "the ledger is not open");
        var test = Failed("System.InvalidOperationException : the ledger is not open", thrown, Disposed);

        var failure = TestFailure.Of(test);

        Assert.Equal("System.InvalidOperationException", failure.Type);
        Assert.Equal("the ledger is not open", failure.Message);
    }

    [Fact]
    public void Of_MSTestThrewException_PrefixRemovedFromTheMessage()
    {
        var test = Failed("Test method Shop.Tests.OrdersTests.Create threw exception: \nSystem.TimeoutException: late");

        var failure = TestFailure.Of(test);

        Assert.Equal("System.TimeoutException", failure.Type);
        Assert.Equal("late", failure.Message);
    }

    [Fact]
    public void Of_RunnerReportedTheException_RunnersTypeWinsOverUnmatchedOnes()
    {
        var test = Failed("boom", Disposed) with { Payload = Payload(Disposed) with { ExceptionType = "TUnit.Assertions.Exceptions.AssertionException" } };

        Assert.Equal("TUnit.Assertions.Exceptions.AssertionException", TestFailure.Of(test).Type);
    }

    [Fact]
    public void Of_RunnerReportedAWrapper_TheThrownExceptionWhoseMessageMatchesWins()
    {
        var thrown = new RecordedException("System.InvalidOperationException", "ledger is closed");
        var test = Failed("ledger is closed", thrown) with { Payload = Payload(thrown) with { ExceptionType = "TUnit.Engine.Exceptions.TestFailedException" } };

        Assert.Equal("System.InvalidOperationException", TestFailure.Of(test).Type);
    }

    [Fact]
    public void Of_NoMessageMatchesAndTwoTypesThrown_Other()
    {
        var test = Failed("Assert.Equal() Failure", Disposed, new RecordedException("System.TimeoutException", "late"));

        Assert.Equal(ErrorTypeGuess.Other, TestFailure.Of(test).Type);
    }

    [Fact]
    public void Of_NoMessageMatchesAndOneTypeThrown_ThatType()
    {
        var test = Failed("rewritten by the framework", new RecordedException("Xunit.Sdk.EqualException", null));

        Assert.Equal("Xunit.Sdk.EqualException", TestFailure.Of(test).Type);
    }

    [Fact]
    public void Of_OneTimeSetUpFailed_TheSetUpsExceptionType()
    {
        var test = Failed("OneTimeSetUp: System.Net.Http.HttpRequestException : Connection refused (127.0.0.1:1)");

        var failure = TestFailure.Of(test);

        Assert.Equal("System.Net.Http.HttpRequestException", failure.Type);
        Assert.Equal("Connection refused (127.0.0.1:1)", failure.Message);
    }

    [Theory]
    [InlineData("OneTimeSetUp: SetUp : System.Net.Http.HttpRequestException : refused", "System.Net.Http.HttpRequestException", "refused")]
    [InlineData("SetUp : System.InvalidOperationException : setup exploded", "System.InvalidOperationException", "setup exploded")]
    public void Of_NUnit5SetUpPrefixes_TheSetUpsExceptionType(string message, string type, string own)
    {
        var failure = TestFailure.Of(Failed(message));

        Assert.Equal(type, failure.Type);
        Assert.Equal(own, failure.Message);
    }

    private static CompletedTest Failed(string message, params RecordedException[] thrown) =>
        CompletedTests.Failed(message) with { Payload = Payload(thrown) };

    private static RecordedExecution Payload(params RecordedException[] thrown) => CompletedTests.Payload() with { Exceptions = thrown };
}
