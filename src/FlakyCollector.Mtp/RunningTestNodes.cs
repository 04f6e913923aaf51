using Microsoft.Testing.Platform.Extensions.Messages;

namespace FlakyCollector.Mtp;

/// <summary>
/// The tests the platform said are in progress and has not yet reported finished, with when that
/// was said: what a session stopped before its end (cancelled, out of time, its process told to
/// end) still owes a span to. Thread-safe; holds only the tests running at once.
/// </summary>
internal sealed class RunningTestNodes
{
    private readonly Dictionary<string, (TestNode Node, DateTimeOffset Started)> byUid = new(StringComparer.Ordinal);

    public void Started(TestNode node, DateTimeOffset now)
    {
        lock (byUid)
        {
            byUid[node.Uid.Value] = (node, now);
        }
    }

    public void Finished(TestNode node)
    {
        lock (byUid)
        {
            byUid.Remove(node.Uid.Value);
        }
    }

    /// <summary>Takes every test still in progress, in the order they started.</summary>
    public IReadOnlyList<(TestNode Node, DateTimeOffset Started)> TakeAll()
    {
        lock (byUid)
        {
            var all = byUid.Values.OrderBy(t => t.Started).ToList();
            byUid.Clear();
            return all;
        }
    }
}
