using FlakyCollector.Recording;
using FlakyCollector.Spans;
using FlakyCollector.Tracing;
using FlakyCollector.Vstest;

namespace FlakyCollector.Tests.Vstest;

public sealed class UnfinishedTestsTests
{
    private static readonly StartedTest Running =
        new("a", "Shop.Tests.Hangs", "Shop.Tests.Hangs", "/tests/Shop.Tests.dll", null, DateTimeOffset.UnixEpoch.AddSeconds(10), 4242);

    [Theory]
    [InlineData(false, UnfinishedTests.Crashed, "test_process_crash")]
    [InlineData(true, UnfinishedTests.HangTimeout, "hang_timeout")]
    public void From_RunningTest_FailedSpanNamingTheReason(bool hangTimeout, string reason, string errorType)
    {
        var test = UnfinishedTests.From(Running, hangTimeout, Running.StartTime.AddSeconds(5));

        var span = TestSpanBuilder.Build(test, null, 1, "0.1.0");

        Assert.Equal(SpanStatusCode.Error, span.StatusCode);
        Assert.StartsWith(reason + ":", span.StatusMessage, StringComparison.Ordinal);
        Assert.Equal("fail", span.Attributes.ValueOf("test.case.result.status"));
        Assert.Equal(errorType, span.Attributes.ValueOf("error.type"));
        Assert.Equal(5_000_000_000, span.EndTimeUnixNano - span.StartTimeUnixNano);
    }

    [Theory]
    [InlineData("The specified inactivity time of 5 seconds has elapsed. Collecting hang dumps from testhost and its child processes.", true)]
    [InlineData("The active test run was aborted. Reason: Test host process crashed", false)]
    [InlineData(null, false)]
    public void IsHangTimeoutMessage_BlameMessages(string? message, bool expected)
    {
        Assert.Equal(expected, UnfinishedTests.IsHangTimeoutMessage(message));
    }
}
