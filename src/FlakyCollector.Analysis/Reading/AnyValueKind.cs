namespace FlakyCollector.Analysis.Reading;

/// <summary>What an OTLP AnyValue held, as far as the analysis cares.</summary>
internal enum AnyValueKind
{
    None,
    /// <summary>A string with escapes, unescaped into the parser's character buffer.</summary>
    String,

    /// <summary>A string without escapes, left in place in the line's UTF-8 bytes.</summary>
    Utf8String,
    Number,
}
