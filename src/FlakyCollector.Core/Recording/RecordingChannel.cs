using System.Text;
using System.Text.Json;
using FlakyCollector.Payload;

namespace FlakyCollector.Recording;

/// <summary>
/// How recordings travel from a test process that vstest's testhost did not host (xUnit v3 runs its
/// tests in a process of its own) to the logger in vstest.console: the logger names a folder in an
/// environment variable that the processes it starts inherit; each test process appends one line per
/// finished test to a file of its own there, before the framework reports the test's result.
/// </summary>
public static class RecordingChannel
{
    /// <summary>The folder the test processes write to; set by the logger, inherited by its child processes.</summary>
    public const string FolderVariable = "FLAKYTRACE_RECORDING_CHANNEL";

    /// <summary>The extra ActivitySources to record (<c>;</c>-separated), as the run settings name them.</summary>
    public const string SourcesVariable = "FLAKYTRACE_ACTIVITY_SOURCES";

    public const string FileExtension = ".recordings.jsonl";

    public static string Line(string key, RecordedExecution execution)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("key", key);
            writer.WriteString("execution", ExecutionPayloadJson.Write(execution));
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static (string Key, RecordedExecution Execution) Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        return (root.GetProperty("key").GetString()!, ExecutionPayloadJson.Read(root.GetProperty("execution").GetString()!));
    }
}
