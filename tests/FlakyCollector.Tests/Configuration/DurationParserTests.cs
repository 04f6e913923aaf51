using FlakyCollector.Configuration;

namespace FlakyCollector.Tests.Configuration;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("5s", 5_000)]
    [InlineData("1m", 60_000)]
    [InlineData("2500", 2_500)]
    [InlineData("1.5s", 1_500)]
    [InlineData(" 10S ", 10_000)]
    [InlineData("250 ms", 250)]
    [InlineData("60m", 3_600_000)]
    public void TryParse_ValidText_ReturnsDuration(string text, double expectedMilliseconds)
    {
        var parsed = DurationParser.TryParse(text, out var duration);

        Assert.True(parsed);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), duration);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0")]
    [InlineData("0s")]
    [InlineData("-5s")]
    [InlineData("soon")]
    [InlineData("5h")]
    [InlineData("ms")]
    [InlineData("61m")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    [InlineData("NaN")]
    [InlineData("nans")]
    public void TryParse_InvalidText_ReturnsFalse(string? text)
    {
        var parsed = DurationParser.TryParse(text, out var duration);

        Assert.False(parsed);
        Assert.Equal(TimeSpan.Zero, duration);
    }
}
