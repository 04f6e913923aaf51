using System.Text.Json;
using FlakyCollector.Vstest;

namespace FlakyCollector.Tests.Vstest;

public sealed class JournalEntryTests
{
    [Theory]
    [InlineData("Shop.Tests.CartTests.Add")]
    [InlineData("")]
    [InlineData("Add(name: \"x\", path: \"C:\\\\tmp\")")]
    [InlineData("line\nbreak\ttab\u0001control")]
    [InlineData("Größe ✓ 😀 テスト")]
    [InlineData("<script>&'+`")]
    [InlineData("lone surrogate \ud800 end")]
    public void String_AnyValue_ParsesBackToTheSameString(string value)
    {
        var entry = new JournalEntry().Begin().String("\"v\":"u8, value).End();

        using var document = JsonDocument.Parse(entry);

        var expected = value.Replace("\ud800", "\ufffd", StringComparison.Ordinal); // what any UTF-8 writer makes of a lone surrogate
        Assert.Equal(expected, document.RootElement.GetProperty("v").GetString());
    }

    [Fact]
    public void End_EveryKindOfValue_OneObjectInOrder()
    {
        var entry = new JournalEntry().Begin()
            .Encoded("\"event\":"u8, "\"start\""u8)
            .String("\"id\":"u8, "a1")
            .Encoded("\"executor\":"u8, "null"u8)
            .Encoded("\"source\":"u8, JournalEntry.Quoted("/tests/\"odd\" dir/é.dll"))
            .Number("\"start\":"u8, 1_765_000_000_123)
            .Number("\"neg\":"u8, -42)
            .End();

        using var document = JsonDocument.Parse(entry);

        Assert.Equal(
            ["event", "id", "executor", "source", "start", "neg"],
            document.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("executor").ValueKind);
        Assert.Equal("/tests/\"odd\" dir/é.dll", document.RootElement.GetProperty("source").GetString());
        Assert.Equal(1_765_000_000_123, document.RootElement.GetProperty("start").GetInt64());
        Assert.Equal(-42, document.RootElement.GetProperty("neg").GetInt32());
        Assert.Equal("{\"event\":\"start\",\"id\":\"a1\",", System.Text.Encoding.UTF8.GetString(entry.AsSpan(0, 27)));
    }

    [Fact]
    public void Begin_AfterALongEntry_StartsAFreshObjectInTheGrownBuffer()
    {
        var writer = new JournalEntry();
        var longName = new string('n', 5_000) + "\"" + new string('é', 3_000);
        using (var first = JsonDocument.Parse(writer.Begin().String("\"fqn\":"u8, longName).End()))
        {
            Assert.Equal(longName, first.RootElement.GetProperty("fqn").GetString());
        }

        var second = writer.Begin().String("\"id\":"u8, "b").End();

        Assert.Equal("{\"id\":\"b\"}", System.Text.Encoding.UTF8.GetString(second));
    }
}
