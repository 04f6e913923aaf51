using Microsoft.AspNetCore.Mvc.Testing;

namespace DbXunit;

/// <summary>The app in memory reads each price through EF Core over SQLite.</summary>
public sealed class PriceApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Theory]
    [InlineData("A-1", "11.00")]
    [InlineData("A-2", "12.00")]
    [InlineData("A-3", "13.00")]
    [InlineData("A-4", "14.00")]
    public async Task Reads_Price(string sku, string expected)
    {
        var price = await factory.CreateClient().GetStringAsync($"/prices/{sku}");

        Assert.Equal(expected, price);
    }
}
