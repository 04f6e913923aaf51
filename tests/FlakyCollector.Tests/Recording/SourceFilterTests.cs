using FlakyCollector.Recording;

namespace FlakyCollector.Tests.Recording;

public sealed class SourceFilterTests
{
    [Theory]
    [InlineData("MyCompany.Orders", true)]
    [InlineData("mycompany.ORDERS", true)]
    [InlineData("MyCompany.Orders.Db", false)]
    [InlineData("MyCompany", false)]
    [InlineData("Other", false)]
    public void Matches_ExactPattern_OnlyThatNameIgnoringCase(string sourceName, bool expected)
    {
        var filter = new SourceFilter(["MyCompany.Orders"]);

        Assert.Equal(expected, filter.Matches(sourceName));
    }

    [Theory]
    [InlineData("MyCompany.Orders", true)]
    [InlineData("MyCompany.Orders.Db", true)]
    [InlineData("MYCOMPANY.billing", true)]
    [InlineData("MyCompany", false)]
    [InlineData("Other.MyCompany.Orders", false)]
    public void Matches_PrefixPattern_NamesStartingWithPrefixIgnoringCase(string sourceName, bool expected)
    {
        var filter = new SourceFilter(["MyCompany.*"]);

        Assert.Equal(expected, filter.Matches(sourceName));
    }

    [Theory]
    [InlineData("System.Net.Http")]
    [InlineData("Anything.At.All")]
    [InlineData("")]
    public void Matches_Star_EverySource(string sourceName)
    {
        Assert.True(new SourceFilter(["*"]).Matches(sourceName));
    }

    [Fact]
    public void Matches_SeveralPatterns_AnyMatches()
    {
        var filter = new SourceFilter(["System.Net.Http", "MyCompany.*"]);

        Assert.True(filter.Matches("System.Net.Http"));
        Assert.True(filter.Matches("MyCompany.Orders"));
        Assert.False(filter.Matches("Microsoft.AspNetCore"));
    }

    [Fact]
    public void Matches_PatternsWithSpaces_Trimmed()
    {
        var filter = new SourceFilter([" MyCompany.Orders ", "  Billing.* "]);

        Assert.True(filter.Matches("MyCompany.Orders"));
        Assert.True(filter.Matches("Billing.Invoices"));
    }

    [Fact]
    public void Matches_NoOrBlankPatterns_Nothing()
    {
        Assert.False(new SourceFilter([]).Matches("MyCompany.Orders"));
        Assert.False(new SourceFilter(["", "   "]).Matches("MyCompany.Orders"));
        Assert.False(new SourceFilter(["", "   "]).Matches(string.Empty));
    }
}
