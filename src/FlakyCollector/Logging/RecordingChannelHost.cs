namespace FlakyCollector.Logging;

/// <summary>
/// Where the logger opens the recording channel and how it reaches the processes vstest starts:
/// a folder under <see cref="Root"/>, named to them through environment variables that they inherit,
/// and whether a test process seen in the channel has exited.
/// </summary>
internal sealed record RecordingChannelHost(string Root, Action<string, string?> SetVariable, Func<int, bool> HasExited)
{
    /// <summary>vstest.console's own: the temporary folder, and this process's environment.</summary>
    public static RecordingChannelHost Process { get; } =
        new(Path.Combine(Path.GetTempPath(), "flakytrace-channel"), Environment.SetEnvironmentVariable, ProcessHasExited);

    private static bool ProcessHasExited(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
