namespace FlakyCollector.Analysis.Reading;

/// <summary>
/// Maps a UTF-8 property name to an <see cref="OtlpField"/>, accepting the camelCase names of the
/// OTLP/JSON encoding and the snake_case names that the protobuf JSON mapping also allows.
/// </summary>
internal static class OtlpFieldNames
{
    // Dispatch on length first: most names are rejected or matched after one or two comparisons,
    // which matters because this runs for every property of every span.
    public static OtlpField Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        3 => name.SequenceEqual("key"u8) ? OtlpField.Key : OtlpField.Unknown,
        4 => name.SequenceEqual("name"u8) ? OtlpField.Name
            : name.SequenceEqual("kind"u8) ? OtlpField.Kind
            : name.SequenceEqual("code"u8) ? OtlpField.Code : OtlpField.Unknown,
        5 => name.SequenceEqual("spans"u8) ? OtlpField.Spans
            : name.SequenceEqual("links"u8) ? OtlpField.Links
            : name.SequenceEqual("scope"u8) ? OtlpField.Scope
            : name.SequenceEqual("value"u8) ? OtlpField.Value : OtlpField.Unknown,
        6 => name.SequenceEqual("events"u8) ? OtlpField.Events
            : name.SequenceEqual("status"u8) ? OtlpField.Status
            : name.SequenceEqual("spanId"u8) ? OtlpField.SpanId
            : name.SequenceEqual("values"u8) ? OtlpField.Values : OtlpField.Unknown,
        7 => name.SequenceEqual("version"u8) ? OtlpField.Version
            : name.SequenceEqual("traceId"u8) ? OtlpField.TraceId
            : name.SequenceEqual("message"u8) ? OtlpField.Message
            : name.SequenceEqual("span_id"u8) ? OtlpField.SpanId : OtlpField.Unknown,
        8 => name.SequenceEqual("resource"u8) ? OtlpField.Resource
            : name.SequenceEqual("intValue"u8) ? OtlpField.IntValue
            : name.SequenceEqual("trace_id"u8) ? OtlpField.TraceId : OtlpField.Unknown,
        9 => name.SequenceEqual("int_value"u8) ? OtlpField.IntValue
            : name.SequenceEqual("boolValue"u8) ? OtlpField.BoolValue : OtlpField.Unknown,
        10 => name.SequenceEqual("attributes"u8) ? OtlpField.Attributes
            : name.SequenceEqual("scopeSpans"u8) ? OtlpField.ScopeSpans
            : name.SequenceEqual("bool_value"u8) ? OtlpField.BoolValue
            : name.SequenceEqual("arrayValue"u8) ? OtlpField.ArrayValue : OtlpField.Unknown,
        11 => name.SequenceEqual("stringValue"u8) ? OtlpField.StringValue
            : name.SequenceEqual("doubleValue"u8) ? OtlpField.DoubleValue
            : name.SequenceEqual("scope_spans"u8) ? OtlpField.ScopeSpans
            : name.SequenceEqual("array_value"u8) ? OtlpField.ArrayValue : OtlpField.Unknown,
        12 => name.SequenceEqual("parentSpanId"u8) ? OtlpField.ParentSpanId
            : name.SequenceEqual("string_value"u8) ? OtlpField.StringValue
            : name.SequenceEqual("double_value"u8) ? OtlpField.DoubleValue : OtlpField.Unknown,
        13 => name.SequenceEqual("resourceSpans"u8) ? OtlpField.ResourceSpans : OtlpField.Unknown,
        14 => name.SequenceEqual("resource_spans"u8) ? OtlpField.ResourceSpans
            : name.SequenceEqual("parent_span_id"u8) ? OtlpField.ParentSpanId : OtlpField.Unknown,
        15 => name.SequenceEqual("endTimeUnixNano"u8) ? OtlpField.EndTimeUnixNano : OtlpField.Unknown,
        17 => name.SequenceEqual("startTimeUnixNano"u8) ? OtlpField.StartTimeUnixNano : OtlpField.Unknown,
        18 => name.SequenceEqual("end_time_unix_nano"u8) ? OtlpField.EndTimeUnixNano : OtlpField.Unknown,
        20 => name.SequenceEqual("start_time_unix_nano"u8) ? OtlpField.StartTimeUnixNano : OtlpField.Unknown,
        22 => name.SequenceEqual("instrumentationLibrary"u8) ? OtlpField.Scope : OtlpField.Unknown,
        23 => name.SequenceEqual("instrumentation_library"u8) ? OtlpField.Scope : OtlpField.Unknown,
        27 => name.SequenceEqual("instrumentationLibrarySpans"u8) ? OtlpField.ScopeSpans : OtlpField.Unknown,
        29 => name.SequenceEqual("instrumentation_library_spans"u8) ? OtlpField.ScopeSpans : OtlpField.Unknown,
        _ => OtlpField.Unknown,
    };
}
