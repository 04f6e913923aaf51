using Microsoft.AspNetCore.Mvc.Testing;

namespace DbMSTest;

/// <summary>The app in memory reads each price through EF Core over SQLite.</summary>
[TestClass]
public sealed class PriceApiTests
{
    private static WebApplicationFactory<Program> factory = null!;

    [ClassInitialize]
    public static void StartApp(TestContext context) => factory = new WebApplicationFactory<Program>();

    [ClassCleanup]
    public static void StopApp() => factory.Dispose();

    [TestMethod]
    [DataRow("A-1", "11.00")]
    [DataRow("A-2", "12.00")]
    [DataRow("A-3", "13.00")]
    [DataRow("A-4", "14.00")]
    public async Task Reads_Price(string sku, string expected)
    {
        var price = await factory.CreateClient().GetStringAsync($"/prices/{sku}");

        Assert.AreEqual(expected, price);
    }
}
