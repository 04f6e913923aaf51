using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Flakiness;

/// <summary>
/// The most common failure of a test: headlines (error type and first line of the message) are
/// counted by their <see cref="FailureShape"/>, and the latest failure of the winning shape is
/// shown as the example.
/// </summary>
internal static class FailureHeadlines
{
    public static (string? Example, int Count) Top(List<TestExecution> executions)
    {
        // Count whole (type, message) pairs first; build a headline string only per distinct pair.
        var counts = new Dictionary<(string?, string?), (int Count, long Latest)>();
        foreach (var execution in executions)
        {
            if (execution.Outcome == TestOutcome.Failed)
            {
                var key = (execution.ErrorType, execution.ErrorMessage);
                var (count, latest) = counts.GetValueOrDefault(key);
                counts[key] = (count + 1, Math.Max(latest, execution.StartNanos));
            }
        }

        return counts
            .Select(c => (Headline: Headline(c.Key.Item1, c.Key.Item2), c.Value.Count, c.Value.Latest))
            .GroupBy(h => FailureShape.Of(h.Headline))
            .Select(g => ((string?)g.MaxBy(h => h.Latest).Headline, g.Sum(h => h.Count)))
            .OrderByDescending(h => h.Item2)
            .FirstOrDefault();
    }

    internal static string Headline(string? errorType, string? errorMessage)
    {
        var message = errorMessage ?? "";
        var newline = message.IndexOfAny(['\r', '\n']);
        var firstLine = newline < 0 ? message : message[..newline];
        return errorType is null ? firstLine : $"{errorType}: {firstLine}";
    }
}
