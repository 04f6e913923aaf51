using System.Net;

namespace TUnitMtp;

public class HttpCalls
{
    [Test]
    public async Task Calls_Loopback_Service()
    {
        using var service = LoopbackService.Start();
        using var client = new HttpClient();

        using var response = await client.GetAsync(service.Url);

        Console.WriteLine($"traceparent={service.LastTraceparent ?? "none"}");
        await Assert.That(response.StatusCode).IsEqualTo(HttpStatusCode.OK);
        await Assert.That(await response.Content.ReadAsStringAsync()).IsEqualTo("ok");
    }
}
