using FlakyCollector.Analysis.Causes;

namespace FlakyCollector.Analysis.Tests.Samples;

/// <summary>
/// The second, harder suite, shaped like real CI history: the first suite's tests plus a race, a
/// cluster of four tests that fail together in a dependency's outage runs, and a multi-targeted
/// project whose one test fails on .NET 8 only.
/// </summary>
internal static class CiHistoryCatalog
{
    public const string Race = "Shop.Tests.OrderTests.SendsConfirmation";
    public const string RuntimeBound = "Shop.Interop.Tests.EncodingTests.RoundTripsLatin1";
    public const string BrokenRuntime = ".NET 8";
    public const string Interop = "Shop.Interop.Tests";

    public static IReadOnlyList<string> Cluster { get; } =
    [
        "Shop.Tests.WarehouseTests.ListsBins",
        "Shop.Tests.WarehouseTests.MovesPallet",
        "Shop.Tests.WarehouseTests.CountsInventory",
        "Shop.Tests.WarehouseTests.ReservesBin(bin: 7)",
    ];

    public static IReadOnlyList<SampleTest> Tests { get; } =
    [
        .. SampleCatalog.Tests,
        new(Race, 152, SampleBehavior.Race),
        new(Cluster[0], 60, SampleBehavior.Outage),
        new(Cluster[1], 90, SampleBehavior.Outage),
        new(Cluster[2], 70, SampleBehavior.Outage),
        new(Cluster[3], 50, SampleBehavior.Outage),
    ];

    /// <summary>The multi-targeted project, run once per runtime in every run.</summary>
    public static IReadOnlyList<SampleTest> InteropTests { get; } =
    [
        new(RuntimeBound, 15, SampleBehavior.RuntimeBound),
        new("Shop.Interop.Tests.EncodingTests.ParsesUtf8", 10, SampleBehavior.Stable),
        new("Shop.Interop.Tests.ClockTests.ConvertsTimeZones", 25, SampleBehavior.Stable),
    ];

    public static IReadOnlyList<string> Runtimes { get; } = [".NET 8", ".NET 10"];

    /// <summary>The flaky tests and the cause each must be explained by first.</summary>
    public static IReadOnlyList<(string Test, CauseKind Cause)> Expected { get; } =
    [
        .. SampleCatalog.Expected,
        (Race, CauseKind.Race),
        .. Cluster.Select(name => (name, CauseKind.External)),
    ];
}
