using System.Diagnostics;

namespace FlakyCollector.Recording.Hosting;

/// <summary>
/// The execution context a server request starts in when nothing flows into it (what TestServer
/// gives a request by default), plus one value: the caller's Activity. Entering it drops every other
/// AsyncLocal of the caller (culture, logging scopes, test-framework contexts, an HttpContext of an
/// outer request) for the rest of the calling async method, and only there.
/// </summary>
internal static class CleanExecutionContext
{
    private static readonly Lazy<ExecutionContext> Empty = new(CaptureEmpty, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Replaces the current thread's execution context. Called synchronously from inside an async
    /// method, the change lasts until that method returns or awaits: the async machinery restores
    /// the caller's context on the way out, and continuations keep the context captured at the await.
    /// </summary>
    public static void EnterCarrying(Activity? activity)
    {
        ExecutionContext.Restore(Empty.Value);
        if (activity is not null)
        {
            Activity.Current = activity;
        }
    }

    private static ExecutionContext CaptureEmpty()
    {
        // A thread started without flowing any context holds the default one; capture it there.
        ExecutionContext? captured = null;
        var thread = new Thread(() => captured = ExecutionContext.Capture()) { IsBackground = true, Name = "FlakyTrace context" };
        thread.UnsafeStart();
        thread.Join();
        return captured ?? throw new InvalidOperationException("no default execution context");
    }
}
