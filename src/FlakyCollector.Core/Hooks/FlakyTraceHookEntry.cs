using System.ComponentModel;
using System.Reflection;
using FlakyCollector.Testing;
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

    /// <summary>
    /// Called before the first test of <paramref name="testAssembly"/> runs: when its code uses
    /// <see cref="TestTrace"/>, the API's listener starts now, so that a test that acts first and
    /// reads <see cref="TestTrace.Current"/> afterwards sees every span it caused. Costs nothing more
    /// where the API is not used.
    /// </summary>
    public static void StartTestTrace(Assembly testAssembly)
    {
        try
        {
            if (testAssembly is not null && TestTraceUsage.IsReferencedBy(testAssembly))
            {
                TestSpanListener.Shared.Start();
            }
        }
        catch (Exception)
        {
            // Runs as the test assembly loads: the tests must run whatever happens here.
        }
    }
}
