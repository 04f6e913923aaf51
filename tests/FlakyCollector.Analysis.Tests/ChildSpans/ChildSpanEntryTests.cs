using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Tests.ChildSpans;

public sealed class ChildSpanEntryTests
{
    [Theory]
    [InlineData(true, false, false, false)]
    [InlineData(false, true, false, false)]
    [InlineData(false, false, true, false)]
    [InlineData(false, false, false, true)]
    [InlineData(true, true, true, true)]
    public void Flags_WithKindAndFixture_EachKeptApart(bool error, bool serverError, bool timeout, bool late)
    {
        var entry = new ChildSpanEntry(5, "call", error, serverError, timeout, late) { Kind = 3 };
        var fixture = entry with { FromFixture = true };

        foreach (var e in new[] { entry, fixture })
        {
            Assert.Equal((error, serverError, timeout, late, 3), (e.Error, e.ServerError, e.Timeout, e.Late, e.Kind));
        }

        Assert.False(entry.FromFixture);
        Assert.True(fixture.FromFixture);
        Assert.False((fixture with { FromFixture = false }).FromFixture);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 5)]
    [InlineData(-1, -1)]
    [InlineData(67_108_863, 67_108_863)]
    [InlineData(-67_108_864, -67_108_864)]
    [InlineData(int.MaxValue, 67_108_863)]
    [InlineData(int.MinValue, -67_108_864)]
    public void Kind_AnyNumber_KeptUpToTheBounds(int kind, int expected)
    {
        var entry = new ChildSpanEntry(5, "call", true, true, true, true) { Kind = kind, FromFixture = true };

        Assert.Equal(expected, entry.Kind);
        Assert.True(entry.Error && entry.ServerError && entry.Timeout && entry.Late && entry.FromFixture);
    }

    [Theory]
    [InlineData(100, 350, 250)]
    [InlineData(100, 100, 0)]
    [InlineData(100, 40, 0)]
    public void DurationNanos_EndMinusStart_NeverNegative(long start, long end, long expected)
    {
        var entry = new ChildSpanEntry(5, "call", false, false, false, false) { StartNanos = start, EndNanos = end };

        Assert.Equal(expected, entry.DurationNanos);
    }

    [Fact]
    public void Size_SixtyFourBytes()
    {
        Assert.Equal(64, System.Runtime.CompilerServices.Unsafe.SizeOf<ChildSpanEntry>());
    }
}
