using System.Diagnostics;
using System.Net;
using FlakyCollector.Recording;
using FlakyCollector.Repro;
using FlakyCollector.Tests.Recording;

namespace FlakyCollector.Tests.Repro;

/// <summary>The injection on real activities and real HTTP calls on loopback, in this process.</summary>
[Collection(ActivityRecorderCollection.Name)]
public sealed class ReproInjectorTests
{
    private static readonly ActivitySource Tests = new(TestActivityNames.SourceName);
    private static readonly ActivitySource Work = new("FlakyCollector.Tests.ReproWork");

    [Fact]
    public void Start_WithoutPlan_StartsNothing()
    {
        Assert.Null(ReproInjector.Start(null, _ => { }));
    }

    [Fact]
    public void Delay_HoldsTheNamedSpanOfTheTestUnderReproOnly()
    {
        using var injector = ReproInjector.Start("test=Ns.C.Slow\naction=delay\nspan=Render\nby=300ms", _ => { });

        var underRepro = TimeToStart("Ns.C.Slow", "Render");
        var other = TimeToStart("Ns.C.Other", "Render");
        var otherSpan = TimeToStart("Ns.C.Slow", "Print");

        Assert.True(underRepro >= TimeSpan.FromMilliseconds(290), $"held {underRepro.TotalMilliseconds} ms");
        Assert.True(other < TimeSpan.FromMilliseconds(290), $"another test held {other.TotalMilliseconds} ms");
        Assert.True(otherSpan < TimeSpan.FromMilliseconds(290), $"another span held {otherSpan.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task HoldUntilTestEnds_LetsTheWorkGoWhenTheTestStops()
    {
        using var injector = ReproInjector.Start("test=Ns.C.Race\naction=hold-until-test-ends\nspan=Send\nby=5s", _ => { });
        Activity.Current = null;
        var test = Tests.StartActivity("Ns.C.Race")!;
        var work = Task.Run(() =>
        {
            using var span = Work.StartActivity("Send");
            return Stopwatch.GetTimestamp();
        });
        await Task.Delay(200);
        var stopped = Stopwatch.GetTimestamp();
        test.Stop();

        Assert.True(await work >= stopped, "the work started before the test ended");
    }

    [Fact]
    public async Task StartAfterTest_TheTestUnderReproStartsOnceItsPredecessorHasEnded()
    {
        using var injector = ReproInjector.Start("test=Ns.Signup.Signs_Up\naction=start-after-test\nspan=Ns.Import.Imports\nby=10s", _ => { });
        long predecessorEnded = 0;
        var underRepro = Task.Run(() =>
        {
            Activity.Current = null;
            using var test = Tests.StartActivity("Ns.Signup.Signs_Up");
            return Stopwatch.GetTimestamp();
        });
        await Task.Delay(300);
        Activity.Current = null;
        using (Tests.StartActivity("Ns.Other.Unrelated"))
        {
        }

        Assert.False(underRepro.IsCompleted, "the test under repro started before its predecessor ran");
        using (Tests.StartActivity("Ns.Import.Imports"))
        {
            await Task.Delay(50);
            predecessorEnded = Stopwatch.GetTimestamp();
        }

        Assert.True(await underRepro >= predecessorEnded, "the test under repro started before its predecessor ended");
    }

    [Fact]
    public async Task StartAfterTest_PredecessorOfTheSameClassNotStarted_TheTestGoesOnAtOnce()
    {
        // A class's tests run one after another: a predecessor of its own class that has not started is
        // behind the test under repro, and waiting for it would hold the class until the bound.
        using var injector = ReproInjector.Start("test=Ns.Pricing.Prices_Kettle\naction=start-after-test\nspan=Ns.Pricing.Applies_Holiday_Discount\nby=20s", _ => { });

        var waited = Stopwatch.StartNew();
        await Task.Run(() =>
        {
            Activity.Current = null;
            using var test = Tests.StartActivity("Ns.Pricing.Prices_Kettle");
        });
        waited.Stop();

        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), $"the test under repro waited {waited.Elapsed.TotalMilliseconds:0} ms for a predecessor queued behind it");
    }

    [Fact]
    public async Task StartAfterTest_PredecessorOfTheSameClassRunning_TheTestWaitsForItsEnd()
    {
        using var injector = ReproInjector.Start("test=Ns.Pricing.Prices_Kettle\naction=start-after-test\nspan=Ns.Pricing.Applies_Holiday_Discount\nby=20s", _ => { });
        Activity.Current = null;
        var predecessor = Tests.StartActivity("Ns.Pricing.Applies_Holiday_Discount")!;
        var underRepro = Task.Run(() =>
        {
            Activity.Current = null;
            using var test = Tests.StartActivity("Ns.Pricing.Prices_Kettle");
            return Stopwatch.GetTimestamp();
        });
        await Task.Delay(300);
        Assert.False(underRepro.IsCompleted, "the test under repro started while its predecessor ran");

        var ended = Stopwatch.GetTimestamp();
        predecessor.Stop();

        Assert.True(await underRepro >= ended);
    }

    [Fact]
    public async Task StartAmidTests_TheTestUnderReproStartsOnceEnoughOfThemRun()
    {
        using var injector = ReproInjector.Start("test=Ns.Store.Saves\naction=start-amid-tests\namid=Ns.Export.Exports\namid=Ns.Backup.Verifies\ncount=2\nby=10s", _ => { });
        Activity.Current = null;
        var first = Tests.StartActivity("Ns.Export.Exports")!;
        var underRepro = Task.Run(() =>
        {
            Activity.Current = null;
            using var test = Tests.StartActivity("Ns.Store.Saves");
            return Stopwatch.GetTimestamp();
        });
        await Task.Delay(300);
        Assert.False(underRepro.IsCompleted, "the test under repro started amid one of the two");

        // The second one counts as running from inside its own start, which may wake the test under repro
        // before that start returns: the moment to compare with is the one before it.
        Activity.Current = null;
        var starting = Stopwatch.GetTimestamp();
        var second = Tests.StartActivity("Ns.Backup.Verifies")!;
        Assert.True(await underRepro >= starting);
        second.Stop();
        first.Stop();
    }

    [Fact]
    public async Task Delay_PlainHttpCall_IsSlowOnTheWire_TheCallersDeadlineCancelsItThere()
    {
        // A slow service, as the traces showed it: the caller waits asynchronously and its own deadline
        // cancels the call in flight. Held at its start instead, the call would keep the caller blocked
        // for the whole delay, and fail later with another text.
        using var service = new OkService();
        using var injector = ReproInjector.Start("test=Ns.C.Report\naction=delay\nspan=HTTP GET 127.0.0.1/reports/sales\nby=5s", _ => { });
        using var client = new HttpClient();
        var url = new Uri(service.Address, "reports/sales");
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var waited = Stopwatch.StartNew();
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CallAsync(client, "Ns.C.Report", url, HttpMethod.Get, deadline.Token));
        waited.Stop();

        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(4), $"the caller was held {waited.Elapsed.TotalMilliseconds:0} ms, not cancelled in flight");
        Assert.Equal(deadline.Token, cancelled.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, await CallAsync(client, "Ns.C.Other", url, HttpMethod.Get));
    }

    [Fact]
    public async Task Delay_PlainHttpCall_AnsweredAfterTheDelay()
    {
        using var service = new OkService();
        using var injector = ReproInjector.Start("test=Ns.C.Report\naction=delay\nspan=HTTP GET 127.0.0.1/reports/sales\nby=300ms", _ => { });
        using var client = new HttpClient();
        var url = new Uri(service.Address, "reports/sales");

        var waited = Stopwatch.StartNew();
        var first = await CallAsync(client, "Ns.C.Report", url, HttpMethod.Get);
        var second = await CallAsync(client, "Ns.C.Report", url, HttpMethod.Get);
        waited.Stop();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first, second));
        Assert.True(waited.Elapsed >= TimeSpan.FromMilliseconds(590), $"two delayed calls took {waited.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task FailWithStatus_TheCallGetsThatStatusFromLoopback()
    {
        using var service = new OkService();
        using var injector = ReproInjector.Start($"test=Ns.C.Pay\naction=fail-with-status\nspan=HTTP POST 127.0.0.1/charges\nstatus=503", _ => { });
        using var client = new HttpClient();

        var failed = await CallAsync(client, "Ns.C.Pay", new Uri(service.Address, "charges"));
        var other = await CallAsync(client, "Ns.C.Other", new Uri(service.Address, "charges"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed);
        Assert.Equal(HttpStatusCode.OK, other);
    }

    [Fact]
    public async Task RefuseConnection_TheCallIsRefused()
    {
        using var service = new OkService();
        using var injector = ReproInjector.Start($"test=Ns.C.Pay\naction=refuse-connection\nspan=HTTP GET 127.0.0.1/stock", _ => { });
        using var client = new HttpClient();

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => CallAsync(client, "Ns.C.Pay", new Uri(service.Address, "stock"), HttpMethod.Get));
        Assert.Equal(System.Net.Sockets.SocketError.ConnectionRefused, (ex.InnerException as System.Net.Sockets.SocketException)?.SocketErrorCode);
    }

    [Fact]
    public async Task FailWithStatus_FailsTheCallAFixtureMakesForTheClassUnderReproOnly()
    {
        using var service = new OkService();
        var warmup = new Uri(service.Address, "search/warmup");
        using var client = new HttpClient();
        Activity.Current = null;
        (await client.GetAsync(service.Address)).Dispose();
        var suite = typeof(IndexedSuite).FullName;

        HttpStatusCode forTheClass, forAnother;
        using (ReproInjector.Start($"test={suite}.Finds_By_Name\naction=fail-with-status\nspan=HTTP POST 127.0.0.1/search/warmup\nstatus=503", _ => { }))
        {
            forTheClass = await SearchIndex.WarmUpAsync(client, warmup);
        }

        using (ReproInjector.Start("test=Ns.OtherSuite.Finds_By_Name\naction=fail-with-status\nspan=HTTP POST 127.0.0.1/search/warmup\nstatus=503", _ => { }))
        {
            forAnother = await SearchIndex.WarmUpAsync(client, warmup);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, forTheClass);
        Assert.Equal(HttpStatusCode.OK, forAnother);
    }

    [Fact]
    public async Task FailWithStatus_AnyCallOfTheSetUpOnly_FailsTheFixturesCall_NotTheTestsOwn()
    {
        // A set-up's failure read from its text names no call: every call of the class's set-up fails so, none in its tests.
        using var service = new OkService();
        using var client = new HttpClient();
        Activity.Current = null;
        (await client.GetAsync(service.Address)).Dispose();
        var suite = typeof(IndexedSuite).FullName;
        using var injector = ReproInjector.Start($"test={suite}.Finds_By_Name\naction=fail-with-status\nspan=HTTP *\nstatus=503\nscope=fixture", _ => { });

        var setUp = await SearchIndex.WarmUpAsync(client, new Uri(service.Address, "search/warmup"));
        var inTheTest = await CallAsync(client, $"{suite}.Finds_By_Name", new Uri(service.Address, "search"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, setUp);
        Assert.Equal(HttpStatusCode.OK, inTheTest);
    }

    private static TimeSpan TimeToStart(string test, string span)
    {
        Activity.Current = null;
        using var testActivity = Tests.StartActivity(test);
        var watch = Stopwatch.StartNew();
        using (Work.StartActivity(span))
        {
            return watch.Elapsed;
        }
    }

    private static async Task<HttpStatusCode> CallAsync(HttpClient client, string test, Uri url, HttpMethod? method = null, CancellationToken cancellation = default)
    {
        Activity.Current = null;
        using var testActivity = Tests.StartActivity(test);
        using var response = await client.SendAsync(new HttpRequestMessage(method ?? HttpMethod.Post, url) { Content = method is null ? new StringContent("{}") : null }, cancellation);
        return response.StatusCode;
    }

    /// <summary>A class fixture whose warm-up call runs outside any test, as xUnit builds it before the class's first test.</summary>
    public sealed class SearchIndex
    {
        public static async Task<HttpStatusCode> WarmUpAsync(HttpClient client, Uri url)
        {
            Activity.Current = null;
            using var response = await client.PostAsync(url, new StringContent("{}"));
            return response.StatusCode;
        }
    }

    public sealed class IndexedSuite : IClassFixture<SearchIndex>
    {
    }

    private sealed class OkService : IDisposable
    {
        private readonly HttpListener listener = new();

        public OkService()
        {
            var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            Address = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
            probe.Stop();
            listener.Prefixes.Add(Address.ToString());
            listener.Start();
            _ = Task.Run(async () =>
            {
                while (listener.IsListening)
                {
                    try
                    {
                        var context = await listener.GetContextAsync();
                        context.Response.StatusCode = 200;
                        context.Response.Close();
                    }
                    catch (Exception)
                    {
                        return;
                    }
                }
            });
        }

        public Uri Address { get; }

        public void Dispose() => listener.Close();
    }
}
