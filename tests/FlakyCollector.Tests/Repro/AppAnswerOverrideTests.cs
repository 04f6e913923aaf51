using System.Diagnostics;
using System.Net;
using FlakyCollector.Recording;
using FlakyCollector.Repro;
using FlakyCollector.Tests.Recording;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace FlakyCollector.Tests.Repro;

/// <summary>An app tested in memory (TestServer) answers the test under repro with the failing runs' status, through its own pipeline.</summary>
[Collection(ActivityRecorderCollection.Name)]
public sealed class AppAnswerOverrideTests
{
    private static readonly ActivitySource Tests = new(TestActivityNames.SourceName);

    [Fact]
    public async Task FailWithStatus_OnARouteLabel_TheAppInMemoryAnswersThatStatusToTheTestUnderReproOnly()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // As the recorder wires a host it sees built: the request runs in the caller's context, so in the test's trace.
        builder.WebHost.UseTestServer(o => o.PreserveExecutionContext = true);
        await using var app = builder.Build();
        var reached = 0;
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref reached);
            return next(context);
        });
        app.MapPost("/charges/{id}", () => "charged");
        await app.StartAsync();
        using var client = app.GetTestClient();

        HttpStatusCode underRepro, other, otherRoute;
        using (ReproInjector.Start("test=Ns.C.Pay\naction=fail-with-status\nspan=POST /charges/{id}\nstatus=502", _ => { }))
        {
            underRepro = await CallAsync(client, "Ns.C.Pay", "charges/7");
            other = await CallAsync(client, "Ns.C.Other", "charges/7");
            otherRoute = await CallAsync(client, "Ns.C.Pay", "refunds/7");
        }

        Assert.Equal(HttpStatusCode.BadGateway, underRepro);
        Assert.Equal(HttpStatusCode.OK, other);
        Assert.Equal(HttpStatusCode.NotFound, otherRoute);
        Assert.Equal(3, reached);
    }

    private static async Task<HttpStatusCode> CallAsync(HttpClient client, string test, string path)
    {
        Activity.Current = null;
        using var testActivity = Tests.StartActivity(test);
        using var response = await client.PostAsync(path, new StringContent("{}"));
        return response.StatusCode;
    }
}
