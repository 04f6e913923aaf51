using FlakyCollector.Analysis.History;

namespace FlakyCollector.Analysis.Tests.History;

public sealed class DurationColumnTests
{
    [Fact]
    public void Encode_ThenDecode_GivesTheSameMilliseconds()
    {
        int[] milliseconds = [0, 1, 127, 128, 300, 16_383, 16_384, 2_000_000, int.MaxValue];

        Assert.Equal(milliseconds, DurationColumn.Decode(DurationColumn.Encode(milliseconds), milliseconds.Length));
    }

    [Fact]
    public void Encode_ShortTests_OneBytePerTest()
    {
        var column = DurationColumn.Encode([.. Enumerable.Repeat(42, 300)]);

        Assert.Equal(300, Convert.FromBase64String(column).Length);
    }

    [Fact]
    public void Decode_WrongCount_Throws() =>
        Assert.Throws<InvalidDataException>(() => DurationColumn.Decode(DurationColumn.Encode([1, 2, 3]), 4));

    [Fact]
    public void TestRanges_AscendingIndexes_RoundTrip()
    {
        int[] tests = [0, 1, 2, 3, 7, 9, 10, 11];

        var ranges = TestRanges.Of(tests).ToList();

        Assert.Equal([(0, 3), (7, 7), (9, 11)], ranges);
        Assert.Equal(tests, TestRanges.Expand(ranges));
    }
}
