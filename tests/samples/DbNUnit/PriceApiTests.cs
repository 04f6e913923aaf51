using Microsoft.AspNetCore.Mvc.Testing;

namespace DbNUnit;

/// <summary>The app in memory reads each price through EF Core over SQLite.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PriceApiTests
{
    private WebApplicationFactory<Program> factory = null!;

    [OneTimeSetUp]
    public void StartApp() => factory = new WebApplicationFactory<Program>();

    [OneTimeTearDown]
    public void StopApp() => factory.Dispose();

    [TestCase("A-1", "11.00")]
    [TestCase("A-2", "12.00")]
    [TestCase("A-3", "13.00")]
    [TestCase("A-4", "14.00")]
    public async Task Reads_Price(string sku, string expected)
    {
        var price = await factory.CreateClient().GetStringAsync($"/prices/{sku}");

        Assert.That(price, Is.EqualTo(expected));
    }
}
