using System.Net;

namespace NUnitMtp;

public class HttpCalls
{
    [Test]
    public async Task Calls_Loopback_Service()
    {
        using var service = LoopbackService.Start();
        using var client = new HttpClient();

        using var response = await client.GetAsync(service.Url);

        TestContext.Out.WriteLine($"traceparent={service.LastTraceparent ?? "none"}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("ok"));
    }
}
