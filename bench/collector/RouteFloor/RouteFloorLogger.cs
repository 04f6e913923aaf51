using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace RouteFloor;

/// <summary>
/// Loaded into vstest.console like FlakyTrace's logger; reads the property the in-process
/// collector attached to each result, and does nothing with it but count it, so that a run's log
/// shows the route was taken. Under <c>ROUTEFLOOR_ROUTE=file</c> or <c>mapped</c> it takes each
/// result's payload from the <see cref="RecordLog"/> by the test case's id, reading what was appended
/// since its last look when the id is not there yet (results arrive in batches).
/// </summary>
[FriendlyName("RouteFloor")]
[ExtensionUri("logger://RouteFloor/v1")]
public sealed class RouteFloorLogger : ITestLogger
{
    private const string PropertyKey = "FlakyTrace.Execution";

    private RecordLog.Reader? reader;
    private int payloads;
    private long characters;

    public void Initialize(TestLoggerEvents events, string testRunDirectory)
    {
        if (RecordLog.Route is not null && Environment.GetEnvironmentVariable(RecordLog.FolderVariable) is { Length: > 0 } folder)
        {
            reader = new RecordLog.Reader(folder);
        }

        events.TestResult += OnTestResult;
        events.TestRunComplete += (_, _) => Console.WriteLine($"RouteFloor: {payloads} payloads read, {characters} characters");
    }

    private void OnTestResult(object? sender, TestResultEventArgs e)
    {
        if (reader is not null)
        {
            if (reader.Take(e.Result.TestCase.Id) is { } fromLog)
            {
                payloads++;
                characters += fromLog.Length;
            }

            return;
        }

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
