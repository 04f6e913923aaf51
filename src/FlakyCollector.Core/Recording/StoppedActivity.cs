using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace FlakyCollector.Recording;

/// <summary>
/// What the span of a stopped activity is made of, without the <see cref="Activity"/>: about 100
/// bytes where the activity holds 416. A test that has ended waits in the recorder until its runner
/// reports it, and xUnit under VSTest runs tens of thousands of tests ahead of its reporting, so
/// this is a value kept inside the test's recording, not an object of its own (and a child span's
/// conversion makes none). Taken when the activity stops, as an OpenTelemetry exporter reads it:
/// what is set on an activity after it stopped belongs to no span.
/// </summary>
internal readonly struct StoppedActivity
{
    private StoppedActivity(Activity activity)
    {
        TraceId = activity.TraceId;
        SpanId = activity.SpanId;
        ParentSpanId = activity.ParentSpanId;
        DisplayName = activity.DisplayName;
        Kind = activity.Kind;
        StartTimeUtc = activity.StartTimeUtc;
        Duration = activity.Duration;
        Status = activity.Status;
        StatusDescription = activity.StatusDescription;
        Source = activity.Source;
        Tags = Copy(activity.EnumerateTagObjects());
        Events = Copy(activity.EnumerateEvents());
        Links = Copy(activity.EnumerateLinks());
    }

    public ActivityTraceId TraceId { get; }

    public ActivitySpanId SpanId { get; }

    public ActivitySpanId ParentSpanId { get; }

    public string DisplayName { get; }

    public ActivityKind Kind { get; }

    public DateTime StartTimeUtc { get; }

    public TimeSpan Duration { get; }

    public ActivityStatusCode Status { get; }

    public string? StatusDescription { get; }

    public ActivitySource Source { get; }

    public KeyValuePair<string, object?>[] Tags { get; }

    public ActivityEvent[] Events { get; }

    public ActivityLink[] Links { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static StoppedActivity Of(Activity activity) => new(activity);

    /// <summary>The value of the tag <paramref name="key"/>, as <see cref="Activity.GetTagItem"/> gives it.</summary>
    public object? Tag(string key)
    {
        foreach (var (name, value) in Tags)
        {
            if (name == key)
            {
                return value;
            }
        }

        return null;
    }

    // Most activities have no events or links, and a test's activity one tag: no list for those.
    // The activity's own enumerators are structs: copying allocates only the copy.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static T[] Copy<T>(Activity.Enumerator<T> items)
    {
        var enumerator = items.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            return [];
        }

        var first = enumerator.Current;
        if (!enumerator.MoveNext())
        {
            return [first];
        }

        var copy = new List<T> { first, enumerator.Current };
        while (enumerator.MoveNext())
        {
            copy.Add(enumerator.Current);
        }

        return [.. copy];
    }
}
