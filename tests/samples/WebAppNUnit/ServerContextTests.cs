using System.Globalization;
using WebAppOrders;

namespace WebAppNUnit;

/// <summary>
/// What the app sees of the test's ambient state: TestServer does not hand the test's execution
/// context to the server, so neither the test's culture nor its AsyncLocals reach the request, and
/// IHttpContextAccessor holds the request. Tracing must keep it so.
/// </summary>
public sealed class ServerContextTests
{
    [Test]
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

            TestContext.Out.WriteLine(seen);
            Assert.That(seen, Does.Not.Contain("culture=fr-FR"));
            Assert.That(seen, Does.Contain("ambient=none;"));
            Assert.That(seen, Does.EndWith("path=/context"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            Ambient.Value.Value = null;
        }
    }
}
