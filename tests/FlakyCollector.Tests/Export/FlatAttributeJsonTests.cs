using System.Buffers;
using System.Text.Json;
using FlakyCollector.Export;
using FlakyCollector.Spans;

namespace FlakyCollector.Tests.Export;

public sealed class FlatAttributeJsonTests
{
    public static TheoryData<string, string> Attributes => new()
    {
        { "test.name", "Shop.Tests.CartTests.Add" },
        { "code.filepath", "/src/Shop.Tests/CartTests.cs" },
        { "test.case.name", "Add(name: \"x\", count: 2)" },
        { "test.case.name", "Add(path: \"C:\\\\tmp\")" },
        { "error.message", "line\nbreak\ttab" },
        { "test.name", "Größe ✓ テスト" },
        { "html", "<b>&'+`</b>" },
        { "", "" },
        { "ascii", new string(Enumerable.Range(32, 95).Select(c => (char)c).ToArray()) },
        { "long", new string('x', 2_000) },
        { "del", "a\u007fb" },
    };

    [Theory]
    [MemberData(nameof(Attributes))]
    public void WriteAttributes_AnyStringAttribute_TheBytesTheWritersOwnCallsWrite(string key, string value)
    {
        SpanAttribute[] attributes = [new(key, value), new("n", 42L), new(key, value)];

        var written = Written(writer =>
        {
            writer.WriteStartObject();
            OtlpJsonAttributeWriter.WriteAttributes(writer, attributes);
            writer.WriteEndObject();
        });
        var expected = Written(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("attributes");
            foreach (var (k, v) in new[] { (key, (object)value), ("n", 42L), (key, value) })
            {
                writer.WriteStartObject();
                writer.WriteString("key", k);
                writer.WritePropertyName("value");
                writer.WriteStartObject();
                if (v is string text)
                {
                    writer.WriteString("stringValue", text);
                }
                else
                {
                    writer.WriteString("intValue", "42");
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

        Assert.Equal(expected, written);
    }

    [Fact]
    public void TryWrite_QuoteInTheValue_NothingWritten()
    {
        var json = Written(writer =>
        {
            writer.WriteStartArray();
            Assert.False(FlatAttributeJson.TryWrite(writer, "k", "say \"hi\""));
            Assert.True(FlatAttributeJson.TryWrite(writer, "k", "plain"));
            writer.WriteEndArray();
        });

        Assert.Equal("[{\"key\":\"k\",\"value\":{\"stringValue\":\"plain\"}}]", json);
    }

    private static string Written(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, OtlpJsonEncoder.WriterOptions))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
