using System.Diagnostics;
using System.Globalization;
using FlakyCollector.Recording;
using FlakyCollector.Recording.Hosting;
using SourceFilter = FlakyCollector.Recording.SourceFilter;

namespace FlakyCollector.Tests.Recording.Hosting;

/// <summary>
/// The recorder (which starts a HostBuildingObserver) against a real generic host with TestServer:
/// the server span is the caller's child, the application sees nothing else of the caller, and
/// hosted services do not start under the test that built the host.
/// </summary>
[Collection(ActivityRecorderCollection.Name)]
public sealed class HostBuildingObserverTests : IDisposable
{
    private ActivityRecorder recorder = NewRecorder();

    public void Dispose() => recorder.Dispose();

    [Fact]
    public async Task TestServerRequest_InsideTest_ServerSpanIsTheTestsChild()
    {
        await using var app = await InMemoryApp.StartAsync();
        var test = recorder.StartTest("Orders.Get")!;

        var seen = await app.GetAsync("/orders/1");

        Assert.Equal(test.TraceId.ToHexString(), seen.TraceId);
        Assert.Equal(test.Running!.SpanId.ToHexString(), seen.ParentSpanId);
        Assert.Same(test.Running, Activity.Current);
        recorder.FinishTest(test);
        var server = Assert.Single(test.TakeChildren());
        Assert.Equal("Microsoft.AspNetCore", server.ScopeName);
    }

    [Fact]
    public async Task TestServerRequest_CallerCultureAndAsyncLocal_ServerSeesWhatItSeesUntraced()
    {
        var untraced = await ObserveWithCallerStateAsync(traced: false);
        var traced = await ObserveWithCallerStateAsync(traced: true);

        Assert.Equal(untraced with { TraceId = null, ParentSpanId = null }, traced with { TraceId = null, ParentSpanId = null });
        Assert.Null(traced.CallerAsyncLocal);
        Assert.NotEqual("fr-FR", traced.Culture);
        Assert.Equal("/context", traced.AccessorPath);
    }

    [Fact]
    public async Task TestServerRequest_AppPreservesContextItself_EverythingFlowsAsBefore()
    {
        await using var app = await InMemoryApp.StartAsync(appPreservesContext: true);
        var test = recorder.StartTest("Orders.Preserved")!;
        InMemoryApp.CallerValue.Value = "from the test";

        var seen = await app.GetAsync("/context");

        Assert.Equal("from the test", seen.CallerAsyncLocal);
        Assert.Equal(test.Running!.SpanId.ToHexString(), seen.ParentSpanId);
        recorder.FinishTest(test);
    }

    [Fact]
    public async Task HostStart_InsideTest_HostedServicesStartWithoutTheTestsActivity()
    {
        var test = recorder.StartTest("Orders.BuildsTheHost")!;

        await using var app = await InMemoryApp.StartAsync();

        Assert.Null(app.HostedService.AtStart);
        Assert.Null(await app.HostedService.InLoop);
        Assert.Same(test.Running, Activity.Current);
        recorder.FinishTest(test);
    }

    [Fact]
    public async Task OptedOut_TestServerRequest_ServerSpanStartsItsOwnTrace()
    {
        recorder.Dispose();
        Environment.SetEnvironmentVariable(HostBuildingObserver.OptOutVariable, "off");
        try
        {
            recorder = NewRecorder();
        }
        finally
        {
            Environment.SetEnvironmentVariable(HostBuildingObserver.OptOutVariable, null);
        }

        await using var app = await InMemoryApp.StartAsync();
        var test = recorder.StartTest("Orders.OptedOut")!;

        var seen = await app.GetAsync("/orders/1");

        Assert.NotEqual(test.TraceId.ToHexString(), seen.TraceId);
        recorder.FinishTest(test);
    }

    private static ActivityRecorder NewRecorder() => new(new SourceFilter(TestActivityNames.DefaultSources));

    private async Task<ServerObservation> ObserveWithCallerStateAsync(bool traced)
    {
        if (!traced)
        {
            // What the application sees with no recorder in the process at all.
            recorder.Dispose();
        }

        await using var app = await InMemoryApp.StartAsync();
        if (!traced)
        {
            recorder = NewRecorder();
        }

        var test = traced ? recorder.StartTest("Orders.Context") : null;
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            InMemoryApp.CallerValue.Value = "from the test";
            return await app.GetAsync("/context");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            InMemoryApp.CallerValue.Value = null;
            if (test is not null)
            {
                recorder.FinishTest(test);
            }
        }
    }
}
