using System.Diagnostics;

namespace FlakyTrace.Bench.Analyze;

/// <summary>
/// Measures the process's CPU time rather than wall time: on a shared machine other processes
/// stretch wall time, not the CPU a single-threaded stage consumes.
/// </summary>
internal sealed class CpuWatch
{
    private TimeSpan _start = Now;

    public TimeSpan Elapsed => Now - _start;

    private static TimeSpan Now => Process.GetCurrentProcess().TotalProcessorTime;

    public static CpuWatch StartNew() => new();

    public void Restart() => _start = Now;
}
