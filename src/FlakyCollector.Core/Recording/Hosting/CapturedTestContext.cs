using System.Diagnostics;
using FlakyCollector.Spans;

namespace FlakyCollector.Recording.Hosting;

/// <summary>
/// Tells the test's own work from work that merely captured the test's context. A long-lived
/// component (a timer, a loop, a pooled connection) created while a test's Activity was current
/// keeps it, and every span it opens later looks like that test's child. The rule: follow the
/// span's in-process parents up to the test's span; if the ancestor directly under the test
/// started after the test had ended, the whole branch is detached work. It gets a trace of its own
/// (the same new trace id for every span of the branch), its top loses its parent and keeps a link
/// to the test span instead. A branch that started while the test ran stays the test's, even when
/// it ends after the test: that is a race the analysis must see.
/// </summary>
internal static class CapturedTestContext
{
    /// <summary>Link attribute that marks a detached branch's link to the test whose context it captured.</summary>
    public const string LinkAttribute = "flakytrace.link.type";

    private const int MaxDepth = 64;

    /// <summary>The span of a detached branch, re-rooted, or null when <paramref name="activity"/> is the test's work.</summary>
    public static SpanData? Detach(Activity activity, SpanData span)
    {
        var top = activity;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            var parent = top.Parent;
            if (parent is null)
            {
                return null;
            }

            if (parent.Parent is null && parent.Source.Name == TestActivityNames.SourceName)
            {
                return StartedAfter(top, parent) ? Reroot(activity, top, parent, span) : null;
            }

            top = parent;
        }

        return null;
    }

    private static bool StartedAfter(Activity top, Activity test)
    {
        var duration = test.Duration;
        return duration > TimeSpan.Zero && top.StartTimeUtc >= test.StartTimeUtc + duration;
    }

    private static SpanData Reroot(Activity activity, Activity top, Activity test, SpanData span)
    {
        // Unique per branch and the same for all its spans: the branch top's span id, then half the test's trace id.
        var traceId = string.Concat(top.SpanId.ToHexString(), test.TraceId.ToHexString().AsSpan(16));
        if (activity != top)
        {
            return span with { TraceId = traceId };
        }

        var link = new SpanLinkData(test.TraceId.ToHexString(), test.SpanId.ToHexString(), [new SpanAttribute(LinkAttribute, "captured_context")]);
        return span with { TraceId = traceId, ParentSpanId = null, Links = [.. span.Links, link] };
    }
}
