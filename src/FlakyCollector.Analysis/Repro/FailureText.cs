using FlakyCollector.Analysis.Flakiness;

namespace FlakyCollector.Analysis.Repro;

/// <summary>A failure as the analysis groups it: its headline with the parts that change from run to run masked.</summary>
public static class FailureText
{
    public static string Headline(string? errorType, string? message) => FailureHeadlines.Headline(errorType, message);

    /// <summary>Two failures are the same when their shapes are equal ("took 300 ms" and "took 307 ms" are one).</summary>
    public static string Shape(string headline) => FailureShape.Of(headline);

    /// <summary>
    /// Whether a reproduced failure's shape is the traced one's. Where one side's type is unknown
    /// (<c>_OTHER</c>: a collector that could not see the exception, such as one a fixture threw
    /// before the test), the messages decide: the type is what the collector saw, not the failure.
    /// </summary>
    public static bool SameShape(string traced, string reproduced)
    {
        const string Unknown = "_OTHER: ";
        if (traced == reproduced)
        {
            return true;
        }

        return (traced.StartsWith(Unknown, StringComparison.Ordinal) || reproduced.StartsWith(Unknown, StringComparison.Ordinal))
            && Message(traced) == Message(reproduced);
    }

    private static string Message(string shape) => shape.IndexOf(": ", StringComparison.Ordinal) is >= 0 and var colon ? shape[(colon + 2)..] : shape;
}
