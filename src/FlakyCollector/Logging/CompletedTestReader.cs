using FlakyCollector.Payload;
using FlakyCollector.Recording;
using FlakyCollector.Tracing;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace FlakyCollector.Logging;

/// <summary>Reads a vstest <see cref="TestResult"/>, and the recording the test process attached to it.</summary>
internal static class CompletedTestReader
{
    public static CompletedTest From(TestResult result)
    {
        var testCase = result.TestCase;
        return new CompletedTest
        {
            FullyQualifiedName = testCase.FullyQualifiedName,
            DisplayName = string.IsNullOrEmpty(result.DisplayName) ? testCase.DisplayName : result.DisplayName,
            Source = testCase.Source,
            ExecutorUri = testCase.ExecutorUri,
            CodeFilePath = testCase.CodeFilePath,
            LineNumber = testCase.LineNumber,
            Traits = Traits(testCase),
            Outcome = TestOutcomeText.FromVstest(result.Outcome.ToString()),
            ErrorMessage = result.ErrorMessage,
            ErrorStackTrace = result.ErrorStackTrace,
            // Adapters report a skipped test's reason where a failure's message goes.
            SkipReason = result.Outcome == Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome.Skipped ? result.ErrorMessage : null,
            StartTime = result.StartTime,
            EndTime = result.EndTime,
            Duration = result.Duration,
            Output = Messages(result, TestResultMessage.StandardOutCategory),
            ErrorOutput = Messages(result, TestResultMessage.StandardErrorCategory),
            Payload = ReadPayload(result),
        };
    }

    // Read for every result: loops, so that a test without traits or output allocates nothing here.
    private static IReadOnlyList<KeyValuePair<string, string>> Traits(TestCase testCase)
    {
        List<KeyValuePair<string, string>>? traits = null;
        foreach (var trait in testCase.Traits)
        {
            (traits ??= []).Add(new KeyValuePair<string, string>(trait.Name, trait.Value));
        }

        return traits ?? [];
    }

    private static string? Messages(TestResult result, string category)
    {
        string? first = null;
        List<string>? all = null;
        foreach (var message in result.Messages)
        {
            if (message.Category != category || string.IsNullOrEmpty(message.Text))
            {
                continue;
            }

            if (first is null)
            {
                first = message.Text;
            }
            else
            {
                (all ??= [first]).Add(message.Text);
            }
        }

        return all is null ? first : string.Concat(all);
    }

    private static RecordedExecution? ReadPayload(TestResult result)
    {
        var property = result.Properties.FirstOrDefault(p => p.Id == ExecutionPayloadJson.PropertyKey);
        return property is not null && result.GetPropertyValue(property) is string { Length: > 0 } json
            ? ExecutionPayloadJson.Read(json)
            : null;
    }
}
