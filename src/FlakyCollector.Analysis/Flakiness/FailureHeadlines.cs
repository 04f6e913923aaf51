using System.Text.RegularExpressions;
using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Flakiness;

/// <summary>
/// The most common failure of a test: headlines (error type and the informative line of the
/// message) are counted by their <see cref="FailureShape"/>, and the latest failure of the winning
/// shape is shown as the example.
/// </summary>
internal static partial class FailureHeadlines
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
        var line = InformativeLine(errorMessage ?? "");
        return errorType is null ? line : $"{errorType}: {line}";
    }

    /// <summary>
    /// The first line that says something. MSTest 4 opens every <c>Assert.Fail</c> with
    /// "Assertion failed." and puts the caller's text on the next line; "Assert.AreEqual failed."
    /// and blank lines are as empty. Such a line is shown only when nothing follows it. MSTest's
    /// "Test method X threw exception:" is dropped: it opens every exception a test throws, and the
    /// exception (on the same line or the next) is what tells one failure from another.
    /// </summary>
    private static string InformativeLine(string message)
    {
        string? first = null;
        foreach (var raw in message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var line = ThrewException().Replace(raw.Trim(), string.Empty, 1);
            if (line.Length == 0)
            {
                continue;
            }

            if (!GenericLine().IsMatch(line))
            {
                return line;
            }

            first ??= line;
        }

        return first ?? "";
    }

    // "Assertion failed.", "Assert.Fail failed.", "Assert.That failed:", "Test failed." and nothing else on the line.
    [GeneratedRegex(@"^(Assertion|Assert(\.\w+)?|Test)\s+failed\s*[.:!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GenericLine();

    [GeneratedRegex(@"^Test method \S+ threw exception:\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ThrewException();
}
