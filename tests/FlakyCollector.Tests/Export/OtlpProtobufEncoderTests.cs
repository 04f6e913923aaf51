using FlakyCollector.Export;
using FlakyCollector.Spans;
using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Common.V1;
using ProtoSpan = OpenTelemetry.Proto.Trace.V1.Span;
using ProtoStatus = OpenTelemetry.Proto.Trace.V1.Status;

namespace FlakyCollector.Tests.Export;

public class OtlpProtobufEncoderTests
{
    [Fact]
    public void Encode_FailedTest_DecodesWithOfficialClassesFieldByField()
    {
        var request = Decode([SampleSpans.FailedTest()]);

        var resourceSpans = Assert.Single(request.ResourceSpans);
        Assert.Equal("orders-tests", Attribute(resourceSpans.Resource.Attributes, "service.name").StringValue);
        Assert.Equal(4242, Attribute(resourceSpans.Resource.Attributes, "process.pid").IntValue);
        var scopeSpans = Assert.Single(resourceSpans.ScopeSpans);
        Assert.Equal("FlakyCollector", scopeSpans.Scope.Name);
        Assert.Equal("0.1.0", scopeSpans.Scope.Version);

        var span = Assert.Single(scopeSpans.Spans);
        Assert.Equal(SampleSpans.TraceId, Convert.ToHexStringLower(span.TraceId.ToByteArray()));
        Assert.Equal(SampleSpans.TestSpanId, Convert.ToHexStringLower(span.SpanId.ToByteArray()));
        Assert.True(span.ParentSpanId.IsEmpty);
        Assert.Equal("OrdersTests.Create(amount: 5)", span.Name);
        Assert.Equal(ProtoSpan.Types.SpanKind.Internal, span.Kind);
        Assert.Equal(1_700_000_000_123_456_789UL, span.StartTimeUnixNano);
        Assert.Equal(1_700_000_000_124_956_789UL, span.EndTimeUnixNano);
        Assert.Equal(ProtoStatus.Types.StatusCode.Error, span.Status.Code);
        Assert.Equal("Assert.Equal() Failure\nExpected: 5\nActual:   4", span.Status.Message);

        var exception = Assert.Single(span.Events);
        Assert.Equal("exception", exception.Name);
        Assert.Equal(1_700_000_000_124_456_789UL, exception.TimeUnixNano);
        Assert.Equal(["exception.type", "exception.message", "exception.stacktrace"], exception.Attributes.Select(a => a.Key));
        Assert.Equal("Xunit.Sdk.EqualException", exception.Attributes[0].Value.StringValue);

        var link = Assert.Single(span.Links);
        Assert.Equal(SampleSpans.RunTraceId, Convert.ToHexStringLower(link.TraceId.ToByteArray()));
        Assert.Equal(SampleSpans.RunSpanId, Convert.ToHexStringLower(link.SpanId.ToByteArray()));
        Assert.Equal("run", Attribute(link.Attributes, "flakytrace.link").StringValue);
    }

    [Fact]
    public void Encode_AttributeKinds_UseAnyValueMembers()
    {
        var attributes = DecodeSpan(SampleSpans.FailedTest() with
        {
            Attributes = [.. SampleSpans.FailedTest().Attributes, new("nan", double.NaN), new("long.min", long.MinValue)],
        }).Attributes;

        Assert.Equal(AnyValue.ValueOneofCase.StringValue, Attribute(attributes, "test.case.name").ValueCase);
        Assert.Equal(AnyValue.ValueOneofCase.BoolValue, Attribute(attributes, "test.passed").ValueCase);
        Assert.False(Attribute(attributes, "test.passed").BoolValue);
        Assert.True(Attribute(attributes, "test.flaky").BoolValue);
        Assert.Equal(42, Attribute(attributes, "code.line.number").IntValue);
        Assert.Equal(2, Attribute(attributes, "test.attempt").IntValue);
        Assert.Equal(0.25, Attribute(attributes, "test.duration.ratio").DoubleValue);
        Assert.Equal(-7, Attribute(attributes, "test.offset").IntValue);
        Assert.Equal(long.MaxValue, Attribute(attributes, "test.max").IntValue);
        Assert.Equal(long.MinValue, Attribute(attributes, "long.min").IntValue);
        Assert.True(double.IsNaN(Attribute(attributes, "nan").DoubleValue));

        // Oneof members holding a default value must still be present.
        Assert.Equal(AnyValue.ValueOneofCase.StringValue, Attribute(attributes, "test.empty").ValueCase);
        Assert.Equal(string.Empty, Attribute(attributes, "test.empty").StringValue);

        var traits = Attribute(attributes, "test.traits");
        Assert.Equal(AnyValue.ValueOneofCase.ArrayValue, traits.ValueCase);
        Assert.Equal(["category=slow", "owner=payments"], traits.ArrayValue.Values.Select(v => v.StringValue));
    }

    [Fact]
    public void Encode_DefaultValues_AreOmittedAndChildFieldsKept()
    {
        var minimal = DecodeSpan(SampleSpans.Minimal() with { Kind = SpanKind.Unspecified });
        Assert.True(minimal.ParentSpanId.IsEmpty);
        Assert.Null(minimal.Status);
        Assert.Equal(ProtoSpan.Types.SpanKind.Unspecified, minimal.Kind);
        Assert.Empty(minimal.Attributes);

        var child = DecodeSpan(SampleSpans.HttpCall());
        Assert.Equal(SampleSpans.TestSpanId, Convert.ToHexStringLower(child.ParentSpanId.ToByteArray()));
        Assert.Equal(ProtoSpan.Types.SpanKind.Client, child.Kind);
        Assert.Null(child.Status);

        var empty = Decode([], []);
        Assert.Null(Assert.Single(empty.ResourceSpans).Resource);
    }

    [Fact]
    public void Encode_SpansOfSeveralScopes_GroupsByNameAndVersion()
    {
        var request = Decode([SampleSpans.Minimal(1, "A"), SampleSpans.Minimal(2, "B"), SampleSpans.Minimal(3, "A"),
            SampleSpans.Minimal(4, "A") with { ScopeVersion = "2.0" }]);
        var scopes = Assert.Single(request.ResourceSpans).ScopeSpans;
        Assert.Equal(["A", "B", "A"], scopes.Select(s => s.Scope.Name));
        Assert.Equal(["", "", "2.0"], scopes.Select(s => s.Scope.Version));
        Assert.Equal(["span 1", "span 3"], scopes[0].Spans.Select(s => s.Name));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(16_383)]
    [InlineData(16_384)]
    [InlineData(3_000_000)]
    public void Encode_AnySize_IsByteForByteWhatTheOfficialSerializerWrites(int padding)
    {
        var spans = new List<SpanData> { SampleSpans.FailedTest(), SampleSpans.HttpCall() };
        spans.AddRange(SampleSpans.Many(3, padding));
        var bytes = OtlpProtobufEncoder.Encode(SampleSpans.Resource, spans);

        // Fields are written in field-number order, as protobuf serializers do, so re-serializing
        // the decoded message must reproduce the exact bytes.
        var decoded = ExportTraceServiceRequest.Parser.ParseFrom(bytes);
        Assert.Equal(bytes, decoded.ToByteArray());
        var padded = decoded.ResourceSpans[0].ScopeSpans.SelectMany(s => s.Spans).Single(s => s.Name == "span 1");
        Assert.Equal(padding, padded.Attributes.FirstOrDefault()?.Value.StringValue.Length ?? 0);
    }

    [Fact]
    public void Encode_IdsThatAreNotHexOfTheRightLength_AreLeftOutRatherThanGuessed()
    {
        var span = DecodeSpan(SampleSpans.Minimal() with
        {
            SpanId = "not-hex!not-hex!",
            ParentSpanId = "abc",
            Links = [new(SampleSpans.RunTraceId[..30], SampleSpans.RunSpanId + "00", [])],
        });
        Assert.True(span.SpanId.IsEmpty);
        Assert.True(span.ParentSpanId.IsEmpty);
        Assert.True(span.Links[0].TraceId.IsEmpty);
        Assert.True(span.Links[0].SpanId.IsEmpty);
        Assert.Equal(16, span.TraceId.Length);
    }

    [Fact]
    public void Encode_UpperCaseHexAndNonAsciiText_RoundTrip()
    {
        var span = DecodeSpan(SampleSpans.Minimal() with { SpanId = "B7AD6B7169203331", Name = "naïve ✓ 测试 \uD83D\uDE00" });
        Assert.Equal(SampleSpans.TestSpanId, Convert.ToHexStringLower(span.SpanId.ToByteArray()));
        Assert.Equal("naïve ✓ 测试 \uD83D\uDE00", span.Name);
    }

    private static ExportTraceServiceRequest Decode(IReadOnlyList<SpanData> spans, IReadOnlyList<SpanAttribute>? resource = null) =>
        ExportTraceServiceRequest.Parser.ParseFrom(OtlpProtobufEncoder.Encode(resource ?? SampleSpans.Resource, spans));

    private static ProtoSpan DecodeSpan(SpanData span) =>
        Decode([span]).ResourceSpans[0].ScopeSpans[0].Spans[0];

    private static AnyValue Attribute(IEnumerable<KeyValue> attributes, string key) =>
        Assert.Single(attributes, a => a.Key == key).Value;
}
