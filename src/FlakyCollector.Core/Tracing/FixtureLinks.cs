using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FlakyCollector.Spans;

namespace FlakyCollector.Tracing;

/// <summary>
/// Links each test's span to the work its class's fixture or setup did outside any test. That
/// work arrives as roots marked with the classes it served (<see cref="TestAttributeNames.FixtureSuites"/>),
/// always before or with the first result of a test it served: it ended before that test began.
/// A test span whose suite is among them gets a link per root, typed <see cref="TestAttributeNames.FixtureLinkType"/>,
/// together with the links its test process put on its recording (<see cref="Recording.FixtureWork.LinksServing"/>),
/// each root once: results of parallel classes may reach here in another order than their work ended.
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

            var link = To(span);
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

    /// <summary>The link from a test span to the root of fixture work.</summary>
    public static SpanLinkData To(SpanData root) =>
        new(root.TraceId, root.SpanId, [new(TestAttributeNames.LinkType, TestAttributeNames.FixtureLinkType)]);

    /// <summary><paramref name="testSpan"/> with links to the fixture work of its suite, known here or <paramref name="recorded"/> by its test process.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SpanData Link(SpanData testSpan, IReadOnlyList<SpanLinkData>? recorded)
    {
        var known = SuiteOf(testSpan) is { } suite && bySuite.TryGetValue(suite, out var links) && !links.IsEmpty ? links : null;
        if (known is null && !HasFixtureLink(recorded))
        {
            return testSpan; // most tests: their class had no fixture work, and no set or list is made
        }

        var added = (known ?? Enumerable.Empty<SpanLinkData>()).Concat(recorded?.Where(IsFixtureLink) ?? [])
            .DistinctBy(l => (l.TraceId, l.SpanId))
            .ToList();
        return added.Count > 0 ? testSpan with { Links = [.. testSpan.Links, .. added] } : testSpan;
    }

    private static string? SuiteOf(SpanData testSpan)
    {
        foreach (var attribute in testSpan.Attributes)
        {
            if (attribute.Key == TestAttributeNames.SuiteName)
            {
                return attribute.Value as string;
            }
        }

        return null;
    }

    private static bool HasFixtureLink(IReadOnlyList<SpanLinkData>? recorded)
    {
        if (recorded is not null)
        {
            foreach (var link in recorded)
            {
                if (IsFixtureLink(link))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsFixtureLink(SpanLinkData link) =>
        link.Attributes.Any(a => a.Key == TestAttributeNames.LinkType && a.Value as string == TestAttributeNames.FixtureLinkType);

    private static string[]? Suites(SpanData span) =>
        span.Attributes.FirstOrDefault(a => a.Key == TestAttributeNames.FixtureSuites).Value as string[];
}
