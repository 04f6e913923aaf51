using FlakyCollector.Analysis.Flakiness;

namespace FlakyCollector.Analysis.Repro;

/// <summary>A failure as the analysis groups it: its headline with the parts that change from run to run masked.</summary>
public static class FailureText
{
    public static string Headline(string? errorType, string? message) => FailureHeadlines.Headline(errorType, message);

    /// <summary>Two failures are the same when their shapes are equal ("took 300 ms" and "took 307 ms" are one).</summary>
    public static string Shape(string headline) => FailureShape.Of(headline);
}
