using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace AttributionXunitV3Mtp;

/// <summary>An app on Kestrel in this process, shared by every test: it answers with the traceparent it received.</summary>
public static class EchoApp
{
    private static readonly Lazy<Task<Uri>> Started = new(StartAsync);

    public static Task<Uri> BaseAddress => Started.Value;

    private static async Task<Uri> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/echo/{id}", (string id, HttpRequest request) => $"{id} {request.Headers.TraceParent}");
        await app.StartAsync();
        return new Uri(app.Urls.First());
    }
}
