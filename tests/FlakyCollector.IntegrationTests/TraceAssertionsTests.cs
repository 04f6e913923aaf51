using FlakyCollector.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// Trace-based assertions in process (FlakyCollector.Testing.TestTrace): the samples assert on the
/// spans of their own calls to the orders API (count, order, error spans, duration), wait for a
/// background span instead of sleeping, and RaceFixedSample waits for its confirmation. Each must
/// pass the same way with a plain `dotnet test` (the API's own in-memory listener, nothing written)
/// and with `--collect FlakyTrace` (the collector recording alongside). TraceAssertionsXunitV3Mtp runs
/// the same tests on xUnit v3 as a Microsoft.Testing.Platform application, traced by `--flaky-trace`.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class TraceAssertionsTests(PackageFeed feed, ITestOutputHelper output)
{
    private static readonly string[] OrdersTests =
    [
        "PlaceOrder_ReservesStockThenCharges_WithoutErrors",
        "CreateAndReadBack_MakesExactlyTwoCalls_PostThenGet",
        "PaymentsOutage_LeavesAnErrorSpanOnThePaymentsCall",
        "PlacedOrder_ConfirmationIsSentInTheBackground",
        ActThenAssertTest,
    ];

    private const string ActThenAssertTest = "TwoCalls_ThenReadTheTrace_SeesBoth";

    public static TheoryData<string> Suites => new() { "TraceAssertionsXunit", "TraceAssertionsNUnit", "TraceAssertionsMSTest", "TraceAssertionsXunitV3Mtp" };

    [Theory]
    [MemberData(nameof(Suites))]
    public void TraceAssertionSample_PassesUntracedAndTraced(string suite)
    {
        using var api = SampleProject.Create("OrdersApi", feed, addPackage: false);
        using var tests = SampleProject.CreateIn(api.Root, suite, feed);

        var untraced = Run(tests, traced: false, []);
        AssertAllPassed(untraced, OrdersTests, "untraced");
        Assert.Empty(untraced.TraceFiles);

        var traced = Run(tests, traced: true, ["--no-build"]);
        AssertAllPassed(traced, OrdersTests, "traced");
        Assert.Equal(OrdersTests.Length, traced.TestSpans.Count);

        // What the test found in memory is what the collector wrote: the payments call's 503 is an error span.
        var outage = Assert.Single(traced.TestSpans, s => s.Name.Contains("PaymentsOutage", StringComparison.Ordinal));
        Assert.Contains(traced.Spans, s => s.TraceId == outage.TraceId && s.StatusCode == 2
            && s.Attribute("url.full")?.EndsWith("/payments/charges", StringComparison.Ordinal) == true);
    }

    /// <summary>
    /// Two HTTP calls, then the first read of TestTrace.Current, as the only test of its process:
    /// the trace must already hold both calls, untraced and traced.
    /// </summary>
    [Theory]
    [MemberData(nameof(Suites))]
    public void ActThenAssert_FirstAndOnlyTestOfTheProcess_SeesBothCalls(string suite)
    {
        using var api = SampleProject.Create("OrdersApi", feed, addPackage: false);
        using var tests = SampleProject.CreateIn(api.Root, suite, feed);
        // xUnit v3 on the platform has no --filter of vstest's kind: it filters by class.
        string[] only = IsPlatform(suite) ? ["--filter-class", "*.ActThenAssertTests"] : ["--filter", "FullyQualifiedName~ActThenAssert"];

        var untraced = Run(tests, traced: false, only);
        AssertAllPassed(untraced, [ActThenAssertTest], "untraced");
        Assert.Empty(untraced.TraceFiles);
        var traced = Run(tests, traced: true, ["--no-build", .. only]);
        AssertAllPassed(traced, [ActThenAssertTest], "traced");
        Assert.Single(traced.TestSpans);
    }

    [Fact]
    public void RaceFixedSample_WaitsForTheConfirmationSpan_PassesUntracedAndTraced()
    {
        using var tests = SampleProject.Create("RaceFixedSample", feed);
        string[] names = ["Sends_Confirmation", "Computes_Shipping", "Rejects_EmptyCart", "Z_Archives_Order"];

        AssertAllPassed(tests.Test([]), names, "untraced");
        AssertAllPassed(tests.Test(["--no-build", "--collect", "FlakyTrace"]), names, "traced");
    }

    private static bool IsPlatform(string suite) => suite.EndsWith("Mtp", StringComparison.Ordinal);

    /// <summary>`dotnet test` as each runner takes it: `--collect FlakyTrace` on VSTest, `--flaky-trace` on the platform.</summary>
    private static SampleRun Run(SampleProject tests, bool traced, string[] arguments) => IsPlatform(tests.Name)
        ? tests.TestOnPlatform(traced ? ["--flaky-trace", .. arguments] : arguments)
        : tests.Test(traced ? ["--collect", "FlakyTrace", .. arguments] : arguments);

    private void AssertAllPassed(SampleRun run, string[] names, string label)
    {
        output.WriteLine($"{label}: exit {run.Process.ExitCode}\n{run.Process.Output}");
        Assert.True(run.Process.ExitCode == 0, $"{label} run failed:\n{run.Process.Output}");
        // xUnit names a test by class and method, NUnit and MSTest by method.
        Assert.Equal(names.Order(StringComparer.Ordinal), run.TrxResults.Select(r => r.TestName.Split('.')[^1]).Order(StringComparer.Ordinal));
        Assert.All(run.TrxResults, r => Assert.Equal("Passed", r.Outcome));
    }
}
