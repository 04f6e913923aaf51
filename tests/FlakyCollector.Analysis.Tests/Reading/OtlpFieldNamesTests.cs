using FlakyCollector.Analysis.Reading;

namespace FlakyCollector.Analysis.Tests.Reading;

public sealed class OtlpFieldNamesTests
{
    [Theory]
    [InlineData("resourceSpans", nameof(OtlpField.ResourceSpans))]
    [InlineData("resource_spans", nameof(OtlpField.ResourceSpans))]
    [InlineData("scopeSpans", nameof(OtlpField.ScopeSpans))]
    [InlineData("scope_spans", nameof(OtlpField.ScopeSpans))]
    [InlineData("instrumentationLibrarySpans", nameof(OtlpField.ScopeSpans))]
    [InlineData("instrumentation_library_spans", nameof(OtlpField.ScopeSpans))]
    [InlineData("instrumentationLibrary", nameof(OtlpField.Scope))]
    [InlineData("instrumentation_library", nameof(OtlpField.Scope))]
    [InlineData("traceId", nameof(OtlpField.TraceId))]
    [InlineData("trace_id", nameof(OtlpField.TraceId))]
    [InlineData("spanId", nameof(OtlpField.SpanId))]
    [InlineData("span_id", nameof(OtlpField.SpanId))]
    [InlineData("parentSpanId", nameof(OtlpField.ParentSpanId))]
    [InlineData("parent_span_id", nameof(OtlpField.ParentSpanId))]
    [InlineData("startTimeUnixNano", nameof(OtlpField.StartTimeUnixNano))]
    [InlineData("start_time_unix_nano", nameof(OtlpField.StartTimeUnixNano))]
    [InlineData("endTimeUnixNano", nameof(OtlpField.EndTimeUnixNano))]
    [InlineData("end_time_unix_nano", nameof(OtlpField.EndTimeUnixNano))]
    [InlineData("stringValue", nameof(OtlpField.StringValue))]
    [InlineData("string_value", nameof(OtlpField.StringValue))]
    [InlineData("intValue", nameof(OtlpField.IntValue))]
    [InlineData("int_value", nameof(OtlpField.IntValue))]
    [InlineData("boolValue", nameof(OtlpField.BoolValue))]
    [InlineData("bool_value", nameof(OtlpField.BoolValue))]
    [InlineData("doubleValue", nameof(OtlpField.DoubleValue))]
    [InlineData("double_value", nameof(OtlpField.DoubleValue))]
    [InlineData("attributes", nameof(OtlpField.Attributes))]
    [InlineData("status", nameof(OtlpField.Status))]
    [InlineData("events", nameof(OtlpField.Events))]
    [InlineData("droppedAttributesCount", nameof(OtlpField.Unknown))]
    [InlineData("flags", nameof(OtlpField.Unknown))]
    public void Classify_KnownAndUnknownNames_MapsCamelAndSnakeCase(string name, string expected) =>
        Assert.Equal(Enum.Parse<OtlpField>(expected), OtlpFieldNames.Classify(System.Text.Encoding.UTF8.GetBytes(name)));
}
