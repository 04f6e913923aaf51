using System.Globalization;
using WebAppOrders;

namespace WebAppMSTest;

/// <summary>
/// What the app sees of the test's ambient state: TestServer does not hand the test's execution
/// context to the server, so neither the test's culture nor its AsyncLocals reach the request, and
/// IHttpContextAccessor holds the request. Tracing must keep it so.
/// </summary>
[TestClass]
public sealed class ServerContextTests
{
    [TestMethod]
    public async Task Request_DoesNotSeeTheTestsCultureOrAsyncLocals()
    {
        using var factory = new OrdersFactory();
        var client = factory.CreateClient();
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            Ambient.Value.Value = "set by the test";

            var seen = await client.GetStringAsync("/context");

            Console.WriteLine(seen);
            Assert.DoesNotContain("culture=fr-FR", seen);
            Assert.Contains("ambient=none;", seen);
            Assert.EndsWith("path=/context", seen);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            Ambient.Value.Value = null;
        }
    }
}
