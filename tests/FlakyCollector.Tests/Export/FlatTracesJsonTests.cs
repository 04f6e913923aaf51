using System.Buffers;
using System.Text;
using FlakyCollector.Export;
using FlakyCollector.Spans;

namespace FlakyCollector.Tests.Export;

public sealed class FlatTracesJsonTests
{
    /// <summary>A passing test's line: every part the hand-written path writes, and its defaults left out.</summary>
    private static SpanData PassedTest() => SampleSpans.FailedTest() with
    {
        Kind = SpanKind.Unspecified,
        StatusCode = SpanStatusCode.Unset,
        StatusMessage = null,
        Attributes =
        [
            new("test.case.name", "Orders.OrdersTests.Create(amount: 5, name: 'x') <a&b>"),
            new("test.passed", true),
            new("test.flaky", false),
            new("code.line.number", 42L),
            new("test.attempt", 2),
            new("test.offset", -7L),
            new("test.max", long.MaxValue),
            new("test.empty", string.Empty),
            new("test.missing", null!),
            new("test.uri", new Uri("http://localhost:5000/a?b=c")),
            new(null!, "no key"),
        ],
        Events =
        [
            new("retry", SampleSpans.Start + 10, []),
            new("log", SampleSpans.Start + 20, [new("log.message", "connected to db:5432")]),
        ],
        Links =
        [
            new(SampleSpans.RunTraceId, SampleSpans.RunSpanId, [new("flakytrace.link", "run")]),
            new(SampleSpans.RunTraceId, "bad", []),
            new("bad", SampleSpans.RunSpanId, [new("flakytrace.link", "suite")]),
            new("bad", "bad", [new("k", "v")]),
            new("bad", "bad", []),
        ],
    };

    private static readonly Dictionary<string, SpanData[]> FlatLines = new()
    {
        ["passed test"] = [PassedTest()],
        ["test and a child"] = [PassedTest(), SampleSpans.HttpCall()],
        ["ok status with code only"] = [SampleSpans.Minimal() with { StatusCode = SpanStatusCode.Ok }],
        ["error with a one-line message"] = [SampleSpans.Minimal() with { StatusCode = SpanStatusCode.Error, StatusMessage = "timed out" }],
        ["message without a code"] = [SampleSpans.Minimal() with { StatusMessage = "unset but said" }],
        ["ids not valid hex are left out"] = [SampleSpans.Minimal() with { TraceId = "xyz", SpanId = "0af7651916cd43dd8448eb211c80319c", ParentSpanId = "zz" }],
        ["negative times"] = [SampleSpans.Minimal() with { StartTimeUnixNano = -1, EndTimeUnixNano = long.MinValue }],
        ["scopes interleaved"] = [SampleSpans.Minimal(1, "A"), SampleSpans.Minimal(2, "B"), SampleSpans.Minimal(3, "A"), SampleSpans.Minimal(4, "C"), SampleSpans.Minimal(5, "B")],
        ["scope with a version only"] = [SampleSpans.Minimal(1, "") with { ScopeVersion = "2.0" }],
        ["no scope at all"] = [SampleSpans.Minimal(1, "")],
        ["same name, two versions"] = [SampleSpans.Minimal(1) with { ScopeVersion = "1" }, SampleSpans.Minimal(2) with { ScopeVersion = "2" }, SampleSpans.Minimal(3) with { ScopeVersion = "1" }],
        ["printable ASCII but quote and backslash"] = [SampleSpans.Minimal() with { Name = new string(Enumerable.Range(32, 95).Select(c => (char)c).Where(c => c is not '"' and not '\\').ToArray()) }],
        ["a line larger than the reused buffer"] = [.. SampleSpans.Many(300, padding: 200)],
    };

    private static readonly Dictionary<string, SpanData[]> LinesTheWriterWrites = new()
    {
        ["failed test: line breaks in its message"] = [SampleSpans.FailedTest()],
        ["quote in a name"] = [SampleSpans.Minimal() with { Name = "Add(\"x\")" }],
        ["backslash in a value"] = [SampleSpans.Minimal() with { Attributes = [new("path", "C:\\src")] }],
        ["non-ASCII in a key"] = [SampleSpans.Minimal() with { Attributes = [new("größe", "1")] }],
        ["control character in an event's name"] = [SampleSpans.Minimal() with { Events = [new("a\u0001", 1, [])] }],
        ["DEL in a scope"] = [SampleSpans.Minimal(1, "a\u007f")],
        ["a double"] = [SampleSpans.Minimal() with { Attributes = [new("ratio", 0.25)] }],
        ["a null name, against the model's promise"] = [SampleSpans.Minimal() with { Name = null! }],
        ["a null event name"] = [SampleSpans.Minimal() with { Events = [new(null!, 1, [])] }],
        ["an array"] = [SampleSpans.Minimal() with { Attributes = [new("tags", new[] { "a" })] }],
        ["a plain span then one that is not"] = [SampleSpans.Minimal(1), SampleSpans.Minimal(2) with { Links = [new(SampleSpans.RunTraceId, SampleSpans.RunSpanId, [new("n", "naïve")])] }],
    };

    public static TheoryData<string> FlatLineNames => new(FlatLines.Keys);

    public static TheoryData<string> NamesOfLinesTheWriterWrites => new(LinesTheWriterWrites.Keys);

    [Theory]
    [MemberData(nameof(FlatLineNames))]
    public void TryWrite_FlatLine_WrittenByHand_TheWritersBytes(string line)
    {
        var spans = FlatLines[line];
        var buffer = new ArrayBufferWriter<byte>();

        Assert.True(FlatTracesJson.TryWrite(buffer, OtlpJsonEncoder.EncodeResource(SampleSpans.Resource), spans), line);

        Assert.Equal(Utf8(WriterBytes(spans)), Utf8(buffer.WrittenSpan.ToArray()));
    }

    [Theory]
    [MemberData(nameof(NamesOfLinesTheWriterWrites))]
    public void TryWrite_LineThatIsNotFlat_NothingWritten_AndTheEncoderStillWritesTheWritersBytes(string line)
    {
        var spans = LinesTheWriterWrites[line];
        var buffer = new ArrayBufferWriter<byte>();
        var resource = OtlpJsonEncoder.EncodeResource(SampleSpans.Resource);

        Assert.False(FlatTracesJson.TryWrite(buffer, resource, spans), line);
        Assert.Equal(0, buffer.WrittenCount);

        OtlpJsonEncoder.Write(buffer, resource, spans);
        Assert.Equal(Utf8(WriterBytes(spans)), Utf8(buffer.WrittenSpan.ToArray()));
    }

    [Fact]
    public void TryWrite_NoResource_NoResourceProperty()
    {
        var buffer = new ArrayBufferWriter<byte>();

        Assert.True(FlatTracesJson.TryWrite(buffer, null, [SampleSpans.Minimal()]));

        Assert.Equal(Utf8(WriterBytes([SampleSpans.Minimal()], resource: [])), Utf8(buffer.WrittenSpan.ToArray()));
    }

    [Fact]
    public void TryWrite_GivenUpMidLine_TheNextLineStartsClean()
    {
        var buffer = new ArrayBufferWriter<byte>();
        Assert.False(FlatTracesJson.TryWrite(buffer, null, [.. SampleSpans.Many(50, padding: 100), SampleSpans.FailedTest()]));

        Assert.True(FlatTracesJson.TryWrite(buffer, null, [SampleSpans.Minimal()]));

        Assert.Equal(Utf8(WriterBytes([SampleSpans.Minimal()], resource: [])), Utf8(buffer.WrittenSpan.ToArray()));
    }

    [Fact]
    public void Write_PassedTestLine_TheExactBytesOfTheFileFormat()
    {
        // Pinned bytes for the hand-written path, as OtlpJsonEncoderTests pins the writer's.
        var buffer = new ArrayBufferWriter<byte>();
        OtlpJsonEncoder.Write(buffer, OtlpJsonEncoder.EncodeResource(SampleSpans.Resource),
            [SampleSpans.Minimal(7) with { ParentSpanId = SampleSpans.TestSpanId, Attributes = [new("k", "v"), new("n", 3L), new("b", false)], Links = [new(SampleSpans.RunTraceId, SampleSpans.RunSpanId, [])] }]);

        Assert.Equal(
            """{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"orders-tests"}},{"key":"process.pid","value":{"intValue":"4242"}}]},"scopeSpans":[{"scope":{"name":"FlakyCollector"},"spans":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"0000000000000007","parentSpanId":"b7ad6b7169203331","name":"span 7","kind":1,"startTimeUnixNano":"1700000000123456789","endTimeUnixNano":"1700000000123456790","attributes":[{"key":"k","value":{"stringValue":"v"}},{"key":"n","value":{"intValue":"3"}},{"key":"b","value":{"boolValue":false}}],"links":[{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa0ba902b7"}]}]}]}]}""",
            Utf8(buffer.WrittenSpan.ToArray()));
    }

    /// <summary>What the JSON writer alone writes.</summary>
    private static byte[] WriterBytes(IReadOnlyList<SpanData> spans, IReadOnlyList<SpanAttribute>? resource = null)
    {
        resource ??= SampleSpans.Resource;
        var buffer = new ArrayBufferWriter<byte>();
        OtlpJsonEncoder.WriteWithWriter(buffer, resource.Count > 0 ? OtlpJsonEncoder.EncodeResource(resource) : null, spans);
        return buffer.WrittenSpan.ToArray();
    }

    private static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
