namespace FlakyCollector.Export;

/// <summary>Which field of an OTLP <c>AnyValue</c> an attribute value is written to.</summary>
internal enum OtlpValueKind
{
    Empty = 0,
    String,
    Bool,
    Int,
    Double,
    Array,
}
