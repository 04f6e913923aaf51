using System.Diagnostics;
using FlakyCollector.Recording;
using FlakyCollector.Testing;
using FlakyCollector.Tests.Recording;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace FlakyCollector.Tests.Testing;

/// <summary>A real Kestrel server in this process, with no recorder: the server span must look as it does in a traced run.</summary>
[Collection(ActivityRecorderCollection.Name)]
public sealed class TestTraceServerSpanTests
{
    private static readonly ActivitySource HookSource = new(TestActivityNames.SourceName);

    [Fact]
    public async Task WaitForSpanAsync_FailedRequestServedInProcess_ServerSpanHasErrorStatusAndTags()
    {
        TestTrace.Listen();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/payments/charges", () => Results.StatusCode(503));
        await app.StartAsync();
        Activity.Current = null;
        using var test = HookSource.StartActivity("Shop.Tests.TraceApi.Server")!;
        var trace = TestTrace.Current!;

        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri(new Uri(app.Urls.First()), "/payments/charges"));

        var call = Assert.Single(trace.Spans, s => s.Kind == ActivityKind.Client);
        var server = await trace.WaitForSpanAsync(s => s.Kind == ActivityKind.Server, TimeSpan.FromSeconds(30));
        Assert.Equal(call.SpanId, server.ParentSpanId);
        Assert.Equal((ActivityStatusCode.Error, "GET", "/payments/charges", "503"), (server.Status, server.Name, server.Tag("url.path"), server.Tag("http.response.status_code")));
        Assert.Equal((ActivityStatusCode.Error, "503"), (call.Status, call.Tag("http.response.status_code")));
    }
}
