namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>
/// The wall-clock work that sample tests do on purpose (a sleep or a delay), by test. A sleep
/// never ends early, however loaded the machine: it is the part of a test's duration that no load
/// can shorten, so a span shorter than it missed part of the test. Keep in step with the samples.
/// </summary>
public static class SampleWork
{
    public static TimeSpan? Of(FileSpan span) => Milliseconds(span) is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

    private static int? Milliseconds(FileSpan span) => span.Name switch
    {
        // RowsMSTest, RowsXunit: rows of one test case, told apart by their display names.
        "Shared (quick)" => 1,
        "Shared (slow)" => 400,
        "Shared (slower)" => 600,
        _ => span.Attribute("code.function.name") switch
        {
            // XunitSample, NUnitSample, MSTestSample, XunitV3Sample and the four *Mtp samples.
            "Async_Waits" or "Sleeps_Sync" => 300,
            "Parallel_1" or "Parallel_2" => 400,
            // RowsAbort.
            "B_CrashesTheProcess" => 200,
            // Shapes: every shape has one slow test, named *Slowly.
            { } method when method.EndsWith("Slowly", StringComparison.Ordinal) => 300,
            _ => null,
        },
    };
}
