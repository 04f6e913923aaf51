using FlakyCollector.IntegrationTests.Infrastructure;

namespace FlakyCollector.IntegrationTests;

/// <summary>The duration rule itself, on the figures CI met under load and on the faults it must still catch.</summary>
public sealed class DurationAgreementTests
{
    [Theory]
    // Loaded CI machine: the framework's share stretched, the span (the test's own 300 ms) is right.
    [InlineData("Sleeps_Sync", 305, 610)]
    [InlineData("Parallel_1", 402, 529)]
    // Quiet machine.
    [InlineData("Sleeps_Sync", 303, 306)]
    // A test with no stated work that the framework timed long: only the upper bound applies.
    [InlineData("Other", 157, 323)]
    public void SpanInsideTheFrameworksWindow_AndCoveringTheTestsWork_Agrees(string method, int spanMs, int trxMs) =>
        Assert.Null(DurationAgreement.Disagreement(Span(method, spanMs), Trx(trxMs)));

    [Theory]
    // The span missed part of the test: shorter than its sleep.
    [InlineData("Sleeps_Sync", 120, 310, "shorter than the 300 ms the test sleeps")]
    [InlineData("Parallel_2", 0, 400, "shorter than the 400 ms the test sleeps")]
    // The span counted time that was not the test's (say, the class's or the next test's).
    [InlineData("Sleeps_Sync", 900, 305, "longer than the framework's own window by more than 100 ms")]
    public void SpanOutsideTheRule_SaysWhy(string method, int spanMs, int trxMs, string why)
    {
        var problem = DurationAgreement.Disagreement(Span(method, spanMs), Trx(trxMs));

        Assert.NotNull(problem);
        Assert.Contains(why, problem, StringComparison.Ordinal);
        Assert.Contains($"span {spanMs} ms, TRX {trxMs} ms", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FailedTestWithoutStatedWork_IsNotHeldToTheWindow()
    {
        var span = Span("Fails_WithAssertion", 493);

        Assert.False(DurationAgreement.IsTimed(span, Trx(378) with { Outcome = "Failed" }));
        Assert.True(DurationAgreement.IsTimed(span, Trx(378)));
    }

    [Fact]
    public void RowsAreKnownByTheirDisplayNames() =>
        Assert.Equal(TimeSpan.FromMilliseconds(600), SampleWork.Of(Span("Shared", 1) with { Name = "Shared (slower)" }));

    private static FileSpan Span(string method, int milliseconds) => new(
        "t", "s", null, method, "scope", 1, 0, milliseconds * 1_000_000L, 0, null,
        new Dictionary<string, object?> { ["code.function.name"] = method }, [], new Dictionary<string, object?>());

    private static TrxResult Trx(int milliseconds) => new(
        "Samples.Calculations", "Test", "Passed", TimeSpan.FromMilliseconds(milliseconds), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMilliseconds(milliseconds), null, null, null);
}
