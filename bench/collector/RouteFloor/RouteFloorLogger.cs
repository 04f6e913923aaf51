using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace RouteFloor;

/// <summary>
/// Loaded into vstest.console like FlakyTrace's logger; reads the property the in-process
/// collector attached to each result, and does nothing with it but count it, so that a run's log
/// shows the route was taken.
/// </summary>
[FriendlyName("RouteFloor")]
[ExtensionUri("logger://RouteFloor/v1")]
public sealed class RouteFloorLogger : ITestLogger
{
    private const string PropertyKey = "FlakyTrace.Execution";

    private int payloads;
    private long characters;

    public void Initialize(TestLoggerEvents events, string testRunDirectory)
    {
        events.TestResult += OnTestResult;
        events.TestRunComplete += (_, _) => Console.WriteLine($"RouteFloor: {payloads} payloads read, {characters} characters");
    }

    private void OnTestResult(object? sender, TestResultEventArgs e)
    {
        foreach (var property in e.Result.Properties)
        {
            if (property.Id == PropertyKey && e.Result.GetPropertyValue(property) is string payload)
            {
                payloads++;
                characters += payload.Length;
            }
        }
    }
}
