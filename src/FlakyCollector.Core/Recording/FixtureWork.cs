using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using FlakyCollector.Spans;
using FlakyCollector.Tracing;

namespace FlakyCollector.Recording;

/// <summary>
/// Work that began outside any test (a fixture's setup, warm-up calls, seeding) is a trace of its
/// own. When it begins, the stack still says who asked for it; the root span of that trace is then
/// marked with the test classes that code serves (<see cref="TestAttributeNames.FixtureSuites"/>),
/// so the front end can link each of those tests' spans to it. The stack is read only for roots
/// outside tests, and at most <see cref="MaxRootsRead"/> times per process. A first request on a new
/// HttpClient starts after its caller's frames are gone; <see cref="HttpRequestCallers"/> keeps them.
/// The roots are also kept per suite (<see cref="LinksServing"/>), so that each test's recording
/// carries its links from the process that saw the fixture end before the test began: results of
/// parallel classes can reach the front end in another order than their work ended.
/// </summary>
internal sealed class FixtureWork
{
    private const int MaxRootsRead = 10_000;
    private const int MaxLinksPerSuite = 32;

    private readonly ConditionalWeakTable<Activity, string[]> served = new();
    private readonly ConcurrentDictionary<string, SpanLinkData[]> linksBySuite = new(StringComparer.Ordinal);
    private int read;

    public void Started(Activity activity)
    {
        if (Interlocked.Increment(ref read) > MaxRootsRead)
        {
            return;
        }

        var suites = SuitesOnStack(new StackTrace(1, false));
        if (suites.Length == 0 && HttpRequestCallers.Current is { } sentBy)
        {
            suites = sentBy;
        }

        if (suites.Length > 0)
        {
            served.AddOrUpdate(activity, suites);
        }
    }

    public static string[] SuitesOnStack(StackTrace stack) =>
        FixtureCallers.Of(stack).SelectMany(FixtureScope.SuitesServedBy).Distinct(StringComparer.Ordinal).ToArray();

    public SpanData Mark(Activity activity, SpanData span)
    {
        if (!served.TryGetValue(activity, out var suites))
        {
            return span;
        }

        var link = FixtureLinks.To(span);
        foreach (var suite in suites)
        {
            linksBySuite.AddOrUpdate(suite, _ => [link],
                (_, links) => links.Length < MaxLinksPerSuite ? [.. links, link] : links);
        }

        return span with { Attributes = [.. span.Attributes, new(TestAttributeNames.FixtureSuites, suites)] };
    }

    /// <summary>Links to the roots of the fixture work that has ended so far and served <paramref name="suite"/>.</summary>
    public IReadOnlyList<SpanLinkData> LinksServing(string suite) =>
        linksBySuite.TryGetValue(suite, out var links) ? links : [];
}
