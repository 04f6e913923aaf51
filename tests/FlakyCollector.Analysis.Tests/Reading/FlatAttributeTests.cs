using System.Text;
using System.Text.Json;
using FlakyCollector.Analysis.Reading;

namespace FlakyCollector.Analysis.Tests.Reading;

/// <summary>The flat attribute shape read from its bytes must leave the scanner and the span as its tokens would.</summary>
public sealed class FlatAttributeTests
{
    [Theory]
    [InlineData("""{"key":"test.case.name","value":{"stringValue":"A.B"}}""", "test.case.name", "A.B", false)]
    [InlineData("""{"key":"flakytrace.testhost.pid","value":{"intValue":"4242"}}""", "flakytrace.testhost.pid", "4242", true)]
    [InlineData("""{"key":"","value":{"stringValue":""}}""", "", "", false)]
    public void TryMatchFlatAttribute_CompactShape_FindsKeyAndValue(string attribute, string key, string value, bool isInt)
    {
        var json = Encoding.UTF8.GetBytes($"[{attribute},7]");
        var scanner = new OtlpJsonScanner(json);
        scanner.Read();
        scanner.Read();

        Assert.True(scanner.TryMatchFlatAttribute(out var flat));
        Assert.Equal(key, Encoding.UTF8.GetString(json, flat.KeyStart, flat.KeyLength));
        Assert.Equal(value, Encoding.UTF8.GetString(json, flat.ValueStart, flat.ValueLength));
        Assert.Equal(isInt, flat.IsInt);

        scanner.EndFlatAttribute(flat);
        Assert.Equal(JsonTokenType.EndObject, scanner.TokenType);
        Assert.Equal(attribute.Length, scanner.TokenStartIndex);
        Assert.True(scanner.Read());
        Assert.Equal(JsonTokenType.Number, scanner.TokenType);
        Assert.True(scanner.Read());
        Assert.Equal(JsonTokenType.EndArray, scanner.TokenType);
        Assert.False(scanner.Read());
    }

    [Theory]
    [InlineData("""{ "key":"a","value":{"stringValue":"b"}}""")]
    [InlineData("""{"key":"a", "value":{"stringValue":"b"}}""")]
    [InlineData("""{"value":{"stringValue":"b"},"key":"a"}""")]
    [InlineData("""{"key":"a\"","value":{"stringValue":"b"}}""")]
    [InlineData("""{"key":"a","value":{"stringValue":"b\n"}}""")]
    [InlineData("""{"key":"a","value":{"intValue":7}}""")]
    [InlineData("""{"key":"a","value":{"boolValue":true}}""")]
    [InlineData("""{"key":"a","value":{"stringValue":"b","x":1}}""")]
    [InlineData("""{"key":"a","value":{"stringValue":"b"},"x":1}""")]
    [InlineData("""{"key":"a","value":{"stringValue":"b"}""")]
    [InlineData("""{"key":"a","value":{"stringValue":"b""")]
    public void TryMatchFlatAttribute_OtherShapes_DoNotMatchAndLeaveScanner(string attribute)
    {
        var json = Encoding.UTF8.GetBytes($"[{attribute}]");
        var scanner = new OtlpJsonScanner(json);
        scanner.Read();
        scanner.Read();

        Assert.False(scanner.TryMatchFlatAttribute(out _));
        Assert.Equal(JsonTokenType.StartObject, scanner.TokenType);
        Assert.Equal(1, scanner.TokenStartIndex);
    }

    [Fact]
    public void TryParse_FlatAndSpacedAttributes_ReadTheSameSpan()
    {
        const string Attributes = """
            [{"key":"test.case.name","value":{"stringValue":"A.B"}},{"key":"flakytrace.testhost.pid","value":{"intValue":"42"}},
             {"key":"unknown","value":{"intValue":"not a number"}},{"key":"error.type","value":{"intValue":"500"}},
             {"key":"url.full","value":{"stringValue":"http://h:1/orders/17"}},{"key":"exception.message","value":{"stringValue":"caf\u00e9 \"x\""}}]
            """;
        var flat = Parse(Attributes);
        var spaced = Parse(Attributes.Replace("\"value\":", "\"value\" :", StringComparison.Ordinal));

        Assert.Equal("A.B", flat.TestCaseName);
        Assert.Equal(42, flat.ProcessId);
        Assert.Equal("500", flat.ErrorType);
        Assert.Equal("h", flat.UrlHost);
        Assert.Equal("/orders/{id}", flat.UrlPath);
        Assert.Equal("caf\u00e9 \"x\"", flat.ExceptionMessage);
        Assert.Equivalent(spaced, flat, strict: true);
    }

    [Fact]
    public void TryParse_FlatKnownIntegerThatDoesNotParse_FailsAsItsTokensWould()
    {
        var parser = new OtlpLineParser(new StringPool());
        var flat = Line("""[{"key":"flakytrace.testhost.pid","value":{"intValue":"12x"}}]""");
        var spaced = Line("""[{"key":"flakytrace.testhost.pid","value" :{"intValue":"12x"}}]""");

        Assert.False(parser.TryParse(Encoding.UTF8.GetBytes(flat), out var flatError));
        Assert.False(parser.TryParse(Encoding.UTF8.GetBytes(spaced), out var spacedError));
        Assert.Equal($"expected an integer (number or decimal string) at byte {flat.IndexOf("\"12x\"", StringComparison.Ordinal)}", flatError);
        Assert.Equal($"expected an integer (number or decimal string) at byte {spaced.IndexOf("\"12x\"", StringComparison.Ordinal)}", spacedError);
    }

    private static ParsedSpan Parse(string attributes)
    {
        var parser = new OtlpLineParser(new StringPool());
        Assert.True(parser.TryParse(Encoding.UTF8.GetBytes(Line(attributes)), out var error), error);
        return parser[0];
    }

    private static string Line(string attributes) =>
        $$"""{"resourceSpans":[{"resource":{"attributes":[]},"scopeSpans":[{"scope":{"name":"s"},"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","attributes":{{attributes}}}]}]}]}""";
}
