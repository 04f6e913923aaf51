using FlakyCollector.Configuration;

namespace FlakyCollector.Tests.Configuration;

public sealed class KeyValueListParserTests
{
    [Fact]
    public void Parse_TwoPairs_ReturnsBothInOrder()
    {
        var pairs = KeyValueListParser.Parse("api-key=abc123,team=core", out var bad);

        Assert.Equal([new("api-key", "abc123"), new("team", "core")], pairs);
        Assert.Empty(bad);
    }

    [Fact]
    public void Parse_PercentEncodedValue_Decodes()
    {
        var pairs = KeyValueListParser.Parse("deployment.environment=ci%20run%2C2", out _);

        Assert.Equal("ci run,2", Assert.Single(pairs).Value);
    }

    [Fact]
    public void Parse_SpacesAroundKeysAndValues_Trimmed()
    {
        var pairs = KeyValueListParser.Parse("  a = 1 ,  b=2  ", out var bad);

        Assert.Equal([new("a", "1"), new("b", "2")], pairs);
        Assert.Empty(bad);
    }

    [Fact]
    public void Parse_ValueContainingEquals_KeepsEverythingAfterFirstEquals()
    {
        var pairs = KeyValueListParser.Parse("Authorization=Basic dXNlcjpwYXNz==", out _);

        Assert.Equal(new KeyValuePair<string, string>("Authorization", "Basic dXNlcjpwYXNz=="), Assert.Single(pairs));
    }

    [Fact]
    public void Parse_EmptyValue_KeptAsEmpty()
    {
        var pairs = KeyValueListParser.Parse("flag=", out var bad);

        Assert.Equal(new KeyValuePair<string, string>("flag", string.Empty), Assert.Single(pairs));
        Assert.Empty(bad);
    }

    [Fact]
    public void Parse_EntriesWithoutKey_ReportedByOneBasedPosition()
    {
        var pairs = KeyValueListParser.Parse("novalue,good=1,=orphan", out var bad);

        Assert.Equal(new KeyValuePair<string, string>("good", "1"), Assert.Single(pairs));
        Assert.Equal([1, 3], bad);
    }

    [Fact]
    public void Parse_EmptyEntries_SkippedButCountedInPositions()
    {
        var pairs = KeyValueListParser.Parse("a=1,,broken", out var bad);

        Assert.Equal(new KeyValuePair<string, string>("a", "1"), Assert.Single(pairs));
        Assert.Equal([3], bad);
    }

    [Fact]
    public void Parse_EmptyText_NothingAndNoBadEntries()
    {
        var pairs = KeyValueListParser.Parse(string.Empty, out var bad);

        Assert.Empty(pairs);
        Assert.Empty(bad);
    }
}
