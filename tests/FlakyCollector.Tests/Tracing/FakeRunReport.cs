using System.Collections.Concurrent;
using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Tracing;

/// <summary>Keeps what the tracer tells the user.</summary>
internal sealed class FakeRunReport : IRunReport
{
    private readonly ConcurrentQueue<string> infos = new();
    private readonly ConcurrentQueue<string> warnings = new();

    public IReadOnlyList<string> Infos => [.. infos];

    public IReadOnlyList<string> Warnings => [.. warnings];

    public void Info(string message) => infos.Enqueue(message);

    public void Warning(string message) => warnings.Enqueue(message);
}
