using FlakyCollector.Tracing;

namespace FlakyCollector.Logging;

/// <summary>Writes FlakyTrace's lines into the <c>dotnet test</c> output, prefixed so they can be found.</summary>
public sealed class ConsoleRunReport : IRunReport
{
    public void Info(string message) => Console.Out.WriteLine($"FlakyTrace: {message}");

    public void Warning(string message) => Console.Out.WriteLine($"FlakyTrace warning: {message}");
}
