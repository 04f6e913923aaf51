using System.Globalization;
using WebAppOrders;

namespace WebAppXunitV3Mtp;

/// <summary>
/// What the app sees of the test's ambient state: TestServer does not hand the test's execution
/// context to the server, so neither the test's culture nor its AsyncLocals reach the request, and
/// IHttpContextAccessor holds the request. Tracing must keep it so.
/// </summary>
public sealed class ServerContextTests(OrdersFactory factory, ITestOutputHelper output) : IClassFixture<OrdersFactory>
{
    [Fact]
    public async Task Request_DoesNotSeeTheTestsCultureOrAsyncLocals()
    {
        var client = factory.CreateClient();
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            Ambient.Value.Value = "set by the test";

            var seen = await client.GetStringAsync("/context");

            output.WriteLine(seen);
            Assert.DoesNotContain("culture=fr-FR", seen, StringComparison.Ordinal);
            Assert.Contains("ambient=none;", seen, StringComparison.Ordinal);
            Assert.EndsWith("path=/context", seen, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            Ambient.Value.Value = null;
        }
    }
}
