using System.Net;


namespace XunitV3Mtp1;

public class HttpCalls(ITestOutputHelper output)
{
    [Fact]
    public async Task Calls_Loopback_Service()
    {
        using var service = LoopbackService.Start();
        using var client = new HttpClient();

        using var response = await client.GetAsync(service.Url);

        output.WriteLine($"traceparent={service.LastTraceparent ?? "none"}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }
}
