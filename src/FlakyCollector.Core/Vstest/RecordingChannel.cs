using System.Text.Json;
using System.Text;
using FlakyCollector.Configuration;
using FlakyCollector.Payload;
using FlakyCollector.Recording;

namespace FlakyCollector.Vstest;

/// <summary>
/// How recordings travel from a test process that vstest's testhost did not host (xUnit v3 runs its
/// tests in a process of its own) to the logger in vstest.console: the logger names a folder in an
/// environment variable that the processes it starts inherit; each test process appends one line per
/// finished test to a file of its own there, before the framework reports the test's result.
/// </summary>
internal static class RecordingChannel
{
    /// <summary>The folder the test processes write to; set by the logger, inherited by its child processes.</summary>
    public const string FolderVariable = SettingNames.EnvRecordingChannel;

    /// <summary>The extra ActivitySources to record (<c>;</c>-separated), as the run settings name them.</summary>
    public const string SourcesVariable = SettingNames.EnvChannelSources;

    public const string FileExtension = ".recordings.jsonl";

    private const string AfterLastTestPrefix = "after-last-test:";

    /// <summary>The key of a line that carries only work that ended after the last test of <paramref name="source"/>.</summary>
    public static string AfterLastTestKey(string source) => AfterLastTestPrefix + source;

    /// <summary>The test assembly of an <see cref="AfterLastTestKey"/>, or null for a test's key.</summary>
    public static string? SourceOfAfterLastTest(string key) =>
        key.StartsWith(AfterLastTestPrefix, StringComparison.Ordinal) ? key[AfterLastTestPrefix.Length..] : null;

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
