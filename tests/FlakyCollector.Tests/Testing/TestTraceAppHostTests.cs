using System.Diagnostics;
using FlakyCollector.Recording;
using FlakyCollector.Testing;
using FlakyCollector.Tests.Recording;
using FlakyCollector.Tests.Recording.Hosting;

namespace FlakyCollector.Tests.Testing;

/// <summary>A TestServer app built after the API started, with no recorder: its requests belong to the calling test, as in a traced run.</summary>
[Collection(ActivityRecorderCollection.Name)]
public sealed class TestTraceAppHostTests
{
    private static readonly ActivitySource HookSource = new(TestActivityNames.SourceName);

    [Fact]
    public async Task WaitForSpanAsync_TestServerRequest_ServerSpanIsTheTestsChild()
    {
        TestTrace.Listen();
        await using var app = await InMemoryApp.StartAsync();
        Activity.Current = null;
        using var test = HookSource.StartActivity("Shop.Tests.TraceApi.AppHost")!;
        var trace = TestTrace.Current!;

        var seen = await app.GetAsync("/orders/1");

        var server = await trace.WaitForSpanAsync(s => s.Kind == ActivityKind.Server, TimeSpan.FromSeconds(30));
        Assert.Equal(test.SpanId.ToHexString(), server.ParentSpanId);
        Assert.Equal(("Microsoft.AspNetCore", "/orders/1"), (server.Source, server.Tag("url.path")));
        Assert.Equal(trace.TraceId, seen.TraceId);
    }
}
