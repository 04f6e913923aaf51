using FlakyCollector.Recording;


namespace FlakyCollector.Vstest;

/// <summary>
/// Writes recordings into the <see cref="RecordingChannel"/> from the testhost, for results that
/// vstest gives no recording of their own: MSTest rows that share one test case get one in-process
/// test case end, and its data reaches only the first of their results. The logger joins each row's
/// result with its line here by key, as it joins tests that ran outside the testhost.
/// </summary>
internal sealed class RecordingChannelWriter : IDisposable
{
    private readonly StreamWriter writer;
    private readonly object gate = new();

    private RecordingChannelWriter(string path) =>
        writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)) { NewLine = "\n" };

    /// <summary>Opens a channel file of this process's own; null where the logger named no channel.</summary>
    public static RecordingChannelWriter? Open(Func<string, string?> environment)
    {
        var folder = environment(RecordingChannel.FolderVariable);
        return string.IsNullOrEmpty(folder) || !Directory.Exists(folder)
            ? null
            : new RecordingChannelWriter(Path.Combine(folder, $"{Environment.ProcessId}-{Guid.NewGuid():N}{RecordingChannel.FileExtension}"));
    }

    public void Write(string key, RecordedExecution execution)
    {
        var line = RecordingChannel.Line(key, execution);
        lock (gate)
        {
            // Whole lines only, flushed before vstest reports the results that need them.
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            writer.Dispose();
        }
    }
}
