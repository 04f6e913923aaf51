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
    private readonly ConcurrentQueue<string> warnings = new();

    /// <summary>Every warning of the session, for the file the session leaves where <c>dotnet test</c> shows only artifacts.</summary>
    public IReadOnlyCollection<string> Warnings => warnings;

    public void Info(string message) => lines.Enqueue((false, $"FlakyTrace: {message}"));

    public void Warning(string message)
    {
        var text = $"FlakyTrace warning: {message}";
        warnings.Enqueue(text);
        lines.Enqueue((true, text));
    }

    public IEnumerable<(bool Warning, string Text)> Drain()
    {
        while (lines.TryDequeue(out var line))
        {
            yield return line;
        }
    }
}
