using System.Collections.Concurrent;
using System.Text;
using FlakyCollector.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// The orders suites (tests/samples/Orders{Xunit,NUnit,MSTest}) host the orders API
/// (tests/samples/OrdersApi, a ProjectReference) on Kestrel in the test process. Run with
/// <c>&lt;ActivitySources&gt;Orders.*&lt;/ActivitySources&gt;</c>, a test's trace holds the whole request:
/// test → HTTP client → ASP.NET Core server → the API's own spans → HTTP client to payments → its server.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class OrdersTraceTests(PackageFeed feed, ITestOutputHelper output)
{
    private const int Internal = 1;
    private const int Server = 2;
    private const int Client = 3;

    private static readonly ConcurrentDictionary<string, Lazy<SampleRun>> Runs = new();

    public static TheoryData<string> Suites => new() { "OrdersXunit", "OrdersNUnit", "OrdersMSTest" };

    [Theory]
    [MemberData(nameof(Suites))]
    public void CreateOrder_IsOneTrace_FromTheTestThroughTheApiToThePaymentsService(string suite)
    {
        var run = Run(suite);
        var test = TestSpan(run, "CreateOrder_ReturnsCreated_AndCanBeReadBack");
        var trace = run.Spans.Where(s => s.TraceId == test.TraceId).ToList();
        output.WriteLine($"{suite}:\n{Render(trace, test)}");

        // test -> POST /orders (client) -> server -> PlaceOrder -> { ReserveStock, POST /payments/charges (client) -> server }
        var post = Assert.Single(ChildrenOf(trace, test), s => s.Attribute("http.request.method") == "POST");
        var (_, place) = AssertApiRequest(trace, post, "/orders", 201);
        Assert.Equal(0, place.StatusCode);
        var charge = AssertPaymentsCall(trace, place, 200);

        // ... and the test's own read-back: GET /orders/{id} (client) -> server.
        var get = Assert.Single(ChildrenOf(trace, test), s => s.Attribute("http.request.method") == "GET");
        Assert.Equal((Client, "System.Net.Http"), (get.Kind, get.Scope));
        Assert.Equal(200L, get.Attributes["http.response.status_code"]);
        AssertServer(Assert.Single(ChildrenOf(trace, get)));

        // Nothing else: the other tests' requests are in their own traces.
        Assert.Equal(2, ChildrenOf(trace, test).Count);
        Assert.Equal(9, trace.Count);
        Assert.All(trace, s => Assert.Equal(test.TraceId, s.TraceId));
        output.WriteLine($"{suite}: full chain OK (payments call {charge.SpanId})");
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void PaymentsOutage_IsInTheTraceOfTheTestThatHitIt(string suite)
    {
        var run = Run(suite);
        var test = TestSpan(run, "PaymentServiceUnavailable_IsReportedAsBadGateway");
        var trace = run.Spans.Where(s => s.TraceId == test.TraceId).ToList();
        output.WriteLine($"{suite}:\n{Render(trace, test)}");

        var post = Assert.Single(ChildrenOf(trace, test));
        var (_, place) = AssertApiRequest(trace, post, "/orders", 502);
        Assert.Equal((2, "PaymentUnavailable"), (place.StatusCode, place.StatusMessage));
        AssertPaymentsCall(trace, place, 503);
        Assert.Equal(7, trace.Count);
    }

    /// <summary>A client span to the API, its server span, and the API's PlaceOrder span under it.</summary>
    private static (FileSpan Server, FileSpan PlaceOrder) AssertApiRequest(IReadOnlyList<FileSpan> trace, FileSpan client, string path, long status)
    {
        Assert.Equal((Client, "System.Net.Http"), (client.Kind, client.Scope));
        Assert.EndsWith(path, client.Attribute("url.full"), StringComparison.Ordinal);
        Assert.Equal(status, client.Attributes["http.response.status_code"]);

        var server = Assert.Single(ChildrenOf(trace, client));
        AssertServer(server);

        var place = Assert.Single(ChildrenOf(trace, server));
        Assert.Equal((Internal, "Orders.Api", "PlaceOrder"), (place.Kind, place.Scope, place.Name));
        var reserve = Assert.Single(ChildrenOf(trace, place), s => s.Scope == "Orders.Api");
        Assert.Equal((Internal, "ReserveStock"), (reserve.Kind, reserve.Name));
        return (server, place);
    }

    /// <summary>The downstream call to payments under <paramref name="parent"/>, and the payments server span under it.</summary>
    private static FileSpan AssertPaymentsCall(IReadOnlyList<FileSpan> trace, FileSpan parent, long status)
    {
        var charge = Assert.Single(ChildrenOf(trace, parent), s => s.Scope == "System.Net.Http");
        Assert.Equal(Client, charge.Kind);
        Assert.EndsWith("/payments/charges", charge.Attribute("url.full"), StringComparison.Ordinal);
        Assert.Equal(status, charge.Attributes["http.response.status_code"]);
        var server = Assert.Single(ChildrenOf(trace, charge));
        AssertServer(server);
        Assert.Equal(("POST", "/payments/charges", status), (server.Name, server.Attribute("url.path"), (long)server.Attributes["http.response.status_code"]!));
        return charge;
    }

    // ASP.NET Core's own request activity has no tags; the collector adds method, path and status.
    private static void AssertServer(FileSpan server)
    {
        Assert.Equal((Server, "Microsoft.AspNetCore"), (server.Kind, server.Scope));
        Assert.Equal(server.Name, server.Attribute("http.request.method"));
        Assert.StartsWith("/", server.Attribute("url.path"), StringComparison.Ordinal);
        Assert.True(server.Attributes.ContainsKey("http.response.status_code"));
    }

    private static List<FileSpan> ChildrenOf(IReadOnlyList<FileSpan> trace, FileSpan parent) =>
        trace.Where(s => s.ParentSpanId == parent.SpanId).ToList();

    private static FileSpan TestSpan(SampleRun run, string method) =>
        Assert.Single(run.TestSpans, s => s.Attribute("code.function.name") == method);

    private static string Render(IReadOnlyList<FileSpan> trace, FileSpan root)
    {
        var text = new StringBuilder();
        void Write(FileSpan span, int depth)
        {
            var detail = span.Attribute("url.full") is { } url ? $" {url} -> {span.Attribute("http.response.status_code") ?? "no response"}" : "";
            text.AppendLine($"{new string(' ', depth * 2)}{span.Scope} kind={span.Kind} {span.Name}{detail} [{span.SpanId}]");
            foreach (var child in trace.Where(s => s.ParentSpanId == span.SpanId).OrderBy(s => s.StartUnixNano))
            {
                Write(child, depth + 1);
            }
        }

        Write(root, 0);
        var orphans = trace.Where(s => s != root && !trace.Any(p => p.SpanId == s.ParentSpanId)).ToList();
        orphans.ForEach(o => text.AppendLine($"  (not linked: {o.Scope} {o.Name} parent {o.ParentSpanId})"));
        return text.ToString();
    }

    /// <summary>
    /// One traced run per suite, shared by the tests above: the suite and the OrdersApi it references
    /// copied side by side, the package added to the suite, run with `--collect FlakyTrace` and run
    /// settings that name the API's ActivitySource.
    /// </summary>
    private SampleRun Run(string suite) => Runs.GetOrAdd(suite, name => new Lazy<SampleRun>(() =>
    {
        using var api = SampleProject.Create("OrdersApi", feed, addPackage: false);
        using var tests = SampleProject.CreateIn(api.Root, name, feed);
        var settings = Path.Combine(api.Root, "orders.runsettings");
        File.WriteAllText(settings, """
            <RunSettings>
              <DataCollectionRunSettings><DataCollectors>
                <DataCollector friendlyName="FlakyTrace">
                  <Configuration>
                    <ActivitySources>Orders.*</ActivitySources>
                  </Configuration>
                </DataCollector>
              </DataCollectors></DataCollectionRunSettings>
            </RunSettings>
            """);
        var run = tests.Test(["--collect", "FlakyTrace", "--settings", settings]);
        Assert.True(run.Process.ExitCode == 0, run.Process.Output);
        _ = (run.Spans, run.TrxResults); // read before the folder goes
        return run;
    })).Value;
}
