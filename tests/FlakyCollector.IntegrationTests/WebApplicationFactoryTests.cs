using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using FlakyCollector.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// The WebApp suites (tests/samples/WebApp{Xunit,NUnit,MSTest} with the app tests/samples/WebAppOrders):
/// sixteen parallel tests in four classes, one <c>WebApplicationFactory&lt;Program&gt;</c> each, every test
/// calling <c>factory.CreateClient().GetStringAsync("/orders/...")</c>. The app answers in memory
/// through TestServer, opens a <c>LoadOrder</c> span, calls a loopback stock service through
/// IHttpClientFactory, and runs a hosted service that opens a <c>Tick</c> span every 25 ms.
/// Test code and app are unchanged; only the package is added.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed partial class WebApplicationFactoryTests(PackageFeed feed, ITestOutputHelper output)
{
    private const int Server = 2;
    private const int Client = 3;
    private const string AppSource = "WebApp.Orders";

    private static readonly ConcurrentDictionary<string, Lazy<SampleRun>> Runs = new();

    // WebAppXunitV3Mtp: the same tests on xUnit v3, as a Microsoft.Testing.Platform application.
    public static TheoryData<string> Suites => new() { "WebAppXunit", "WebAppNUnit", "WebAppMSTest", "WebAppXunitV3Mtp" };

    [Theory]
    [MemberData(nameof(Suites))]
    public void EverySpan_LastsAsLongAsTheFrameworkTimedItsTest(string suite)
    {
        // The first test of each class also builds its app: whoever times that, span and TRX agree.
        TrxAgreement.AssertDurationsAgree(Run(suite));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void EveryOrderTest_ServerAppSpanAndDownstreamCall_HangUnderTheTest(string suite)
    {
        var run = Run(suite);
        var tests = run.TestSpans.Where(t => OrderTest().IsMatch(t.Attribute("test.case.name") ?? "")).ToList();
        Assert.Equal(16, tests.Count);

        foreach (var test in tests)
        {
            var match = OrderTest().Match(test.Attribute("test.case.name")!);
            var id = $"{match.Groups["class"].Value}-{match.Groups["number"].Value}";
            var trace = run.Spans.Where(s => s.TraceId == test.TraceId).ToList();
            output.WriteLine($"{suite} {id}: {string.Join(", ", trace.Select(s => $"{s.Scope}/{s.Name}"))}");
            if (!trace.Any(s => s.Scope == "Microsoft.AspNetCore"))
            {
                // Where the server span went, if anywhere: another trace, or nowhere in the file.
                var parents = trace.Where(s => s.Scope == AppSource).Select(s => s.ParentSpanId).ToHashSet();
                var elsewhere = run.Spans.Where(s => parents.Contains(s.SpanId)).Select(s => $"{s.Scope}/{s.Name} trace {s.TraceId} parent {s.ParentSpanId} {s.StartUnixNano}-{s.EndUnixNano} attributes {string.Join(';', s.Attributes.Select(a => $"{a.Key}={a.Value}"))}");
                output.WriteLine($"  the server span {string.Join(',', parents)}: {string.Join(" | ", elsewhere.DefaultIfEmpty("in no trace of the file"))}");
                output.WriteLine($"  the run's own output:\n{run.Process.Output}");
            }


            var server = Assert.Single(trace, s => s.Scope == "Microsoft.AspNetCore");
            Assert.Equal((Server, test.SpanId, $"/orders/{id}"), (server.Kind, server.ParentSpanId, server.Attribute("url.path")));

            var load = Assert.Single(trace, s => s.Scope == AppSource);
            Assert.Equal(("LoadOrder", server.SpanId, id), (load.Name, load.ParentSpanId, load.Attribute("order.id")));

            var downstream = Assert.Single(trace, s => s.Scope == "System.Net.Http");
            Assert.Equal((Client, load.SpanId), (downstream.Kind, downstream.ParentSpanId));
            Assert.EndsWith($"/stock/{id}", downstream.Attribute("url.full"), StringComparison.Ordinal);

            // What the stock service received, as the test printed it.
            var printed = Assert.Single(run.TrxResults, r => r.Output?.Contains($"order {id};", StringComparison.Ordinal) == true);
            Assert.Contains($"traceparent=00-{test.TraceId}-{downstream.SpanId}-01", printed.Output, StringComparison.Ordinal);
            Assert.Equal(4, trace.Count);
        }
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void HostedServiceTicks_AreInNoTestsTrace(string suite)
    {
        var run = Run(suite);
        var testTraces = run.TestSpans.Select(t => t.TraceId).ToHashSet(StringComparer.Ordinal);
        var ticks = run.Spans.Where(s => s.Scope == AppSource && s.Name == "Tick").ToList();
        var inTests = ticks.Count(t => testTraces.Contains(t.TraceId));
        output.WriteLine($"{suite}: {ticks.Count} Tick spans, {inTests} inside a test's trace");

        Assert.NotEmpty(ticks);
        Assert.Equal(0, inTests);
        Assert.All(ticks, t => Assert.Null(t.ParentSpanId));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void TheApp_SeesNoneOfTheTestsAmbientState_AndEveryTestPasses(string suite)
    {
        var run = Run(suite);

        Assert.True(run.Process.ExitCode == 0, run.Process.Output);
        Assert.Equal(17, run.TrxResults.Count(r => r.Outcome == "Passed"));
        var context = Assert.Single(run.TrxResults, r => r.TestName.Contains("Request_DoesNotSeeTheTestsCultureOrAsyncLocals", StringComparison.Ordinal));
        output.WriteLine(context.Output);
        Assert.Contains("ambient=none;", context.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\.(?<class>\w+Orders)\.Reads_Order_(?<number>\d)$")]
    private static partial Regex OrderTest();

    /// <summary>
    /// One traced run per suite, shared by the tests above: the app and the suite copied side by side,
    /// the package added to the suite, `dotnet test --collect FlakyTrace` with the app's ActivitySource named.
    /// </summary>
    private SampleRun Run(string suite) => Runs.GetOrAdd(suite, name => new Lazy<SampleRun>(() =>
    {
        using var app = SampleProject.Create("WebAppOrders", feed, addPackage: false);
        using var tests = SampleProject.CreateIn(app.Root, name, feed);
        var settings = Path.Combine(app.Root, "webapp.runsettings");
        File.WriteAllText(settings, $"""
            <RunSettings>
              <DataCollectionRunSettings><DataCollectors>
                <DataCollector friendlyName="FlakyTrace">
                  <Configuration>
                    <ActivitySources>{AppSource}</ActivitySources>
                  </Configuration>
                </DataCollector>
              </DataCollectors></DataCollectionRunSettings>
            </RunSettings>
            """);
        var run = name.EndsWith("Mtp", StringComparison.Ordinal)
            ? tests.TestOnPlatform(["--flaky-trace", "--flaky-trace-settings", settings])
            : tests.Test(["--collect", "FlakyTrace", "--settings", settings]);
        _ = (run.Spans, run.TrxResults); // read before the folder goes
        return run;
    })).Value;
}
