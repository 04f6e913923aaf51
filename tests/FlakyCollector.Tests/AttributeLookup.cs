using FlakyCollector.Spans;

namespace FlakyCollector.Tests;

/// <summary>Reads one attribute of a span, event, link or resource by key.</summary>
internal static class AttributeLookup
{
    /// <summary>The value of the only attribute named <paramref name="key"/>; fails when there is none or several.</summary>
    public static object ValueOf(this IReadOnlyList<SpanAttribute> attributes, string key) =>
        Assert.Single(attributes, a => a.Key == key).Value;

    public static bool Has(this IReadOnlyList<SpanAttribute> attributes, string key) =>
        attributes.Any(a => a.Key == key);
}
