using System.Buffers;
using System.Text;
using System.Text.Json;
using FlakyCollector.Export;
using FlakyCollector.Spans;

namespace FlakyCollector.Tests.Export;

public class OtlpJsonEncoderTests
{
    [Fact]
    public void Write_FailedTest_WritesEveryFieldAsOtlpJson()
    {
        using var json = Encode([SampleSpans.FailedTest()]);
        var resourceSpans = Single(json.RootElement.GetProperty("resourceSpans"));
        var resource = resourceSpans.GetProperty("resource").GetProperty("attributes");
        Assert.Equal("orders-tests", Attribute(resource, "service.name").GetProperty("stringValue").GetString());
        Assert.Equal("4242", Attribute(resource, "process.pid").GetProperty("intValue").GetString());

        var scopeSpans = Single(resourceSpans.GetProperty("scopeSpans"));
        Assert.Equal("FlakyCollector", scopeSpans.GetProperty("scope").GetProperty("name").GetString());
        Assert.Equal("0.1.0", scopeSpans.GetProperty("scope").GetProperty("version").GetString());

        var span = Single(scopeSpans.GetProperty("spans"));
        Assert.Equal(SampleSpans.TraceId, span.GetProperty("traceId").GetString());
        Assert.Equal(SampleSpans.TestSpanId, span.GetProperty("spanId").GetString());
        Assert.False(span.TryGetProperty("parentSpanId", out _));
        Assert.Equal("OrdersTests.Create(amount: 5)", span.GetProperty("name").GetString());
        Assert.Equal(1, span.GetProperty("kind").GetInt32());
        Assert.Equal("1700000000123456789", span.GetProperty("startTimeUnixNano").GetString());
        Assert.Equal("1700000000124956789", span.GetProperty("endTimeUnixNano").GetString());
        Assert.Equal(2, span.GetProperty("status").GetProperty("code").GetInt32());
        Assert.Equal("Assert.Equal() Failure\nExpected: 5\nActual:   4",
            span.GetProperty("status").GetProperty("message").GetString());

        var exception = Single(span.GetProperty("events"));
        Assert.Equal("exception", exception.GetProperty("name").GetString());
        Assert.Equal("1700000000124456789", exception.GetProperty("timeUnixNano").GetString());
        Assert.Equal("Xunit.Sdk.EqualException",
            Attribute(exception.GetProperty("attributes"), "exception.type").GetProperty("stringValue").GetString());
        Assert.Equal(3, exception.GetProperty("attributes").GetArrayLength());

        var link = Single(span.GetProperty("links"));
        Assert.Equal(SampleSpans.RunTraceId, link.GetProperty("traceId").GetString());
        Assert.Equal(SampleSpans.RunSpanId, link.GetProperty("spanId").GetString());
        Assert.Equal("run", Attribute(link.GetProperty("attributes"), "flakytrace.link").GetProperty("stringValue").GetString());
    }

    [Fact]
    public void Write_AttributeKinds_UseAnyValueShapes()
    {
        using var json = Encode([SampleSpans.FailedTest() with
        {
            Attributes = [.. SampleSpans.FailedTest().Attributes, new("nan", double.NaN), new("inf", double.NegativeInfinity)],
        }]);
        var attributes = FirstSpan(json).GetProperty("attributes");

        Assert.Equal("Orders.OrdersTests.Create(amount: 5)", Attribute(attributes, "test.case.name").GetProperty("stringValue").GetString());
        Assert.False(Attribute(attributes, "test.passed").GetProperty("boolValue").GetBoolean());
        Assert.True(Attribute(attributes, "test.flaky").GetProperty("boolValue").GetBoolean());
        Assert.Equal("42", Attribute(attributes, "code.line.number").GetProperty("intValue").GetString());
        Assert.Equal("2", Attribute(attributes, "test.attempt").GetProperty("intValue").GetString());
        Assert.Equal(0.25, Attribute(attributes, "test.duration.ratio").GetProperty("doubleValue").GetDouble());
        Assert.Equal("-7", Attribute(attributes, "test.offset").GetProperty("intValue").GetString());
        Assert.Equal("9223372036854775807", Attribute(attributes, "test.max").GetProperty("intValue").GetString());
        Assert.Equal(string.Empty, Attribute(attributes, "test.empty").GetProperty("stringValue").GetString());
        Assert.Equal("NaN", Attribute(attributes, "nan").GetProperty("doubleValue").GetString());
        Assert.Equal("-Infinity", Attribute(attributes, "inf").GetProperty("doubleValue").GetString());

        var values = Attribute(attributes, "test.traits").GetProperty("arrayValue").GetProperty("values");
        Assert.Equal(["category=slow", "owner=payments"],
            values.EnumerateArray().Select(v => v.GetProperty("stringValue").GetString()));

        // Every value object holds exactly one member.
        Assert.All(attributes.EnumerateArray(), a => Assert.Single(a.GetProperty("value").EnumerateObject()));
    }

    [Fact]
    public void Write_DefaultValues_AreOmitted()
    {
        using var json = Encode([SampleSpans.Minimal() with { Kind = SpanKind.Unspecified, ScopeVersion = null }], []);
        var resourceSpans = Single(json.RootElement.GetProperty("resourceSpans"));
        Assert.False(resourceSpans.TryGetProperty("resource", out _));
        var scopeSpans = Single(resourceSpans.GetProperty("scopeSpans"));
        Assert.False(scopeSpans.GetProperty("scope").TryGetProperty("version", out _));

        var span = Single(scopeSpans.GetProperty("spans"));
        Assert.Equal(
            ["traceId", "spanId", "name", "startTimeUnixNano", "endTimeUnixNano"],
            span.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Write_ChildSpanWithUnsetStatusAndMessage_WritesParentAndMessageOnly()
    {
        using var json = Encode([SampleSpans.HttpCall() with { StatusMessage = "slow" }]);
        var span = FirstSpan(json);
        Assert.Equal(SampleSpans.TestSpanId, span.GetProperty("parentSpanId").GetString());
        Assert.Equal(3, span.GetProperty("kind").GetInt32());
        var status = span.GetProperty("status");
        Assert.Equal("slow", status.GetProperty("message").GetString());
        Assert.False(status.TryGetProperty("code", out _));
        Assert.False(FirstSpan(Encode([SampleSpans.HttpCall()])).TryGetProperty("status", out _));
    }

    [Fact]
    public void Write_IdsThatAreNotHexOfTheRightLength_AreLeftOut()
    {
        using var json = Encode([SampleSpans.Minimal() with { SpanId = "xyz", ParentSpanId = SampleSpans.TraceId }]);
        var span = FirstSpan(json);
        Assert.Equal(SampleSpans.TraceId, span.GetProperty("traceId").GetString());
        Assert.False(span.TryGetProperty("spanId", out _));
        Assert.False(span.TryGetProperty("parentSpanId", out _));
    }

    [Fact]
    public void Write_SpansOfSeveralScopes_GroupsByNameAndVersionInFirstSeenOrder()
    {
        var spans = new[]
        {
            SampleSpans.Minimal(1, "A"), SampleSpans.Minimal(2, "B"), SampleSpans.Minimal(3, "A"),
            SampleSpans.Minimal(4, "A") with { ScopeVersion = "2.0" },
        };
        using var json = Encode(spans);
        var scopes = Single(json.RootElement.GetProperty("resourceSpans")).GetProperty("scopeSpans").EnumerateArray().ToList();

        Assert.Equal(["A", "B", "A"], scopes.Select(s => s.GetProperty("scope").GetProperty("name").GetString()));
        Assert.Equal(["span 1", "span 3"], scopes[0].GetProperty("spans").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("2.0", scopes[2].GetProperty("scope").GetProperty("version").GetString());
    }

    [Fact]
    public void Write_TextWithLineBreaksAndNonAscii_StaysOneLineAndRoundTrips()
    {
        const string name = "Test(\"a\\b\", line1\r\nline2\u2028, naïve ✓, \0)";
        var bytes = EncodeBytes([SampleSpans.Minimal() with { Name = name }]);

        Assert.DoesNotContain((byte)'\n', bytes);
        Assert.DoesNotContain((byte)'\r', bytes);
        using var json = JsonDocument.Parse(bytes);
        Assert.Equal(name, FirstSpan(json).GetProperty("name").GetString());
        Assert.Contains("naïve ✓", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_StreamAndBufferWriter_ProduceTheSameBytes()
    {
        using var stream = new MemoryStream();
        OtlpJsonEncoder.Write(stream, SampleSpans.Resource, [SampleSpans.FailedTest(), SampleSpans.HttpCall()]);
        Assert.Equal(EncodeBytes([SampleSpans.FailedTest(), SampleSpans.HttpCall()]), stream.ToArray());
    }

    [Fact]
    public void Write_EveryPartOfASpan_TheExactBytesOfTheFileFormat()
    {
        // Pinned bytes: the file is read by other tools, so an encoder change must not move one.
        var span = SampleSpans.FailedTest() with
        {
            ParentSpanId = "00f067aa0ba902b7",
            Name = "Tests.Odd(\"q\", tab\there, naïve ✓)",
            Attributes =
            [
                new("key \"quoted\" é", "value\u0001"),
                new("n", 42L),
                new("nan", double.NaN),
                new("d", 0.5),
                new("b", true),
                new("list", new[] { "x", "y" }),
            ],
        };
        var text = Encoding.UTF8.GetString(EncodeBytes([span, SampleSpans.Minimal(1, "Other") with { SpanId = "not-hex" }]));

        Assert.Equal(PinnedFileFormat, text);
    }

    private const string PinnedFileFormat =
        """
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"orders-tests"}},{"key":"process.pid","value":{"intValue":"4242"}}]},"scopeSpans":[{"scope":{"name":"FlakyCollector","version":"0.1.0"},"spans":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"b7ad6b7169203331","parentSpanId":"00f067aa0ba902b7","name":"Tests.Odd(\"q\", tab\there, naïve ✓)","kind":1,"startTimeUnixNano":"1700000000123456789","endTimeUnixNano":"1700000000124956789","attributes":[{"key":"key \"quoted\" é","value":{"stringValue":"value\u0001"}},{"key":"n","value":{"intValue":"42"}},{"key":"nan","value":{"doubleValue":"NaN"}},{"key":"d","value":{"doubleValue":0.5}},{"key":"b","value":{"boolValue":true}},{"key":"list","value":{"arrayValue":{"values":[{"stringValue":"x"},{"stringValue":"y"}]}}}],"events":[{"timeUnixNano":"1700000000124456789","name":"exception","attributes":[{"key":"exception.type","value":{"stringValue":"Xunit.Sdk.EqualException"}},{"key":"exception.message","value":{"stringValue":"Assert.Equal() Failure"}},{"key":"exception.stacktrace","value":{"stringValue":"   at Orders.OrdersTests.Create(Int32 amount)\n   at x"}}]}],"links":[{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa0ba902b7","attributes":[{"key":"flakytrace.link","value":{"stringValue":"run"}}]}],"status":{"message":"Assert.Equal() Failure\nExpected: 5\nActual:   4","code":2}}]},{"scope":{"name":"Other"},"spans":[{"traceId":"0af7651916cd43dd8448eb211c80319c","name":"span 1","kind":1,"startTimeUnixNano":"1700000000123456789","endTimeUnixNano":"1700000000123456790"}]}]}]}
        """;

    private static byte[] EncodeBytes(IReadOnlyList<SpanData> spans, IReadOnlyList<SpanAttribute>? resource = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        OtlpJsonEncoder.Write(buffer, resource ?? SampleSpans.Resource, spans);
        return buffer.WrittenSpan.ToArray();
    }

    private static JsonDocument Encode(IReadOnlyList<SpanData> spans, IReadOnlyList<SpanAttribute>? resource = null) =>
        JsonDocument.Parse(EncodeBytes(spans, resource));

    private static JsonElement FirstSpan(JsonDocument json) =>
        json.RootElement.GetProperty("resourceSpans")[0].GetProperty("scopeSpans")[0].GetProperty("spans")[0];

    private static JsonElement Single(JsonElement array) => Assert.Single(array.EnumerateArray().ToList());

    private static JsonElement Attribute(JsonElement attributes, string key) =>
        Assert.Single(attributes.EnumerateArray().Where(a => a.GetProperty("key").GetString() == key).ToList())
            .GetProperty("value");
}
