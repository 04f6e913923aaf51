using System.Collections.Concurrent;
using FlakyCollector.Tracing;

namespace FlakyCollector.Mtp;

/// <summary>
/// Collects what FlakyTrace tells the user while the core runs synchronously; the session shows
/// the lines through the platform's output device, which is asynchronous.
/// </summary>
internal sealed class PlatformRunReport : IRunReport
{
    private readonly ConcurrentQueue<(bool Warning, string Text)> lines = new();

    public void Info(string message) => lines.Enqueue((false, $"FlakyTrace: {message}"));

    public void Warning(string message) => lines.Enqueue((true, $"FlakyTrace warning: {message}"));

    public IEnumerable<(bool Warning, string Text)> Drain()
    {
        while (lines.TryDequeue(out var line))
        {
            yield return line;
        }
    }
}
