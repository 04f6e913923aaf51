using System.ComponentModel;
using FlakyCollector.Vstest;

namespace FlakyCollector.Hooks;

/// <summary>
/// What the hooks the FlakyCollector package compiles into a test assembly call in the core. Not
/// for use by tests: the package's hook sources and this type ship together and change together.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FlakyTraceHookEntry
{
    /// <summary>
    /// Starts this test process's recorder when the FlakyTrace logger named a recording channel
    /// (xUnit v3 under VSTest runs its tests outside vstest's testhost); otherwise does nothing.
    /// </summary>
    public static void StartChannelRecorder() => ChannelRecorder.StartFromEnvironment();
}
