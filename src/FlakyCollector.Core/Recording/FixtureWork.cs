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
/// </summary>
internal sealed class FixtureWork
{
    private const int MaxRootsRead = 10_000;

    private readonly ConditionalWeakTable<Activity, string[]> served = new();
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

    public SpanData Mark(Activity activity, SpanData span) =>
        served.TryGetValue(activity, out var suites)
            ? span with { Attributes = [.. span.Attributes, new(TestAttributeNames.FixtureSuites, suites)] }
            : span;
}
