using System.Net;

namespace MSTestMtp;

[TestClass]
public class HttpCalls(TestContext testContext)
{
    [TestMethod]
    public async Task Calls_Loopback_Service()
    {
        using var service = LoopbackService.Start();
        using var client = new HttpClient();

        using var response = await client.GetAsync(service.Url, testContext.CancellationToken);

        testContext.WriteLine($"traceparent={service.LastTraceparent ?? "none"}");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("ok", await response.Content.ReadAsStringAsync(testContext.CancellationToken));
    }
}
