using System.Collections.Concurrent;
using FlakyCollector.Spans;

namespace FlakyCollector.Tracing;

/// <summary>
/// Links each test's span to the work its class's fixture or setup did outside any test. That
/// work arrives as roots marked with the classes it served (<see cref="TestAttributeNames.FixtureSuites"/>),
/// always before or with the first result of a test it served: it ended before that test began.
/// A test span whose suite is among them gets a link per root, typed <see cref="TestAttributeNames.FixtureLinkType"/>.
/// </summary>
internal sealed class FixtureLinks
{
    private const int MaxLinksPerSuite = 32;

    private readonly ConcurrentDictionary<string, ConcurrentQueue<SpanLinkData>> bySuite = new(StringComparer.Ordinal);

    public void Add(IEnumerable<SpanData> detached)
    {
        foreach (var span in detached)
        {
            if (span.ParentSpanId is not null || Suites(span) is not { } suites)
            {
                continue;
            }

            var link = new SpanLinkData(span.TraceId, span.SpanId, [new(TestAttributeNames.LinkType, TestAttributeNames.FixtureLinkType)]);
            foreach (var suite in suites)
            {
                var links = bySuite.GetOrAdd(suite, _ => new ConcurrentQueue<SpanLinkData>());
                if (links.Count < MaxLinksPerSuite)
                {
                    links.Enqueue(link);
                }
            }
        }
    }

    public SpanData Link(SpanData testSpan)
    {
        var suite = testSpan.Attributes.FirstOrDefault(a => a.Key == TestAttributeNames.SuiteName).Value as string;
        return suite is not null && bySuite.TryGetValue(suite, out var links) && !links.IsEmpty
            ? testSpan with { Links = [.. testSpan.Links, .. links] }
            : testSpan;
    }

    private static string[]? Suites(SpanData span) =>
        span.Attributes.FirstOrDefault(a => a.Key == TestAttributeNames.FixtureSuites).Value as string[];
}
