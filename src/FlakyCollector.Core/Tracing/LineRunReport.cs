namespace FlakyCollector.Tracing;

/// <summary>
/// Writes FlakyTrace's lines wherever a front end prints them, prefixed so they can be found. The
/// vstest front ends use it rather than implementing <see cref="IRunReport"/> themselves: vstest
/// loads their assembly and its types before FlakyCollector.Core can be resolved, so no type there
/// may derive from a type of this assembly.
/// </summary>
internal sealed class LineRunReport(Action<string> writeInfo, Action<string> writeWarning) : IRunReport
{
    public LineRunReport(Action<string> writeLine)
        : this(writeLine, writeLine)
    {
    }

    public void Info(string message) => writeInfo($"FlakyTrace: {message}");

    public void Warning(string message) => writeWarning($"FlakyTrace warning: {message}");
}
