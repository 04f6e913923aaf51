namespace FlakySample;

/// <summary>
/// Environment switches that pin the sample's random outcomes, so a test or a CI recipe can replay
/// a known story. Unset, the sample fails at random as before.
/// </summary>
internal static class SampleSwitches
{
    /// <summary><c>FLAKYSAMPLE_PAYMENTS=fail|pass</c>: the payments stub answers 503 to every request, or to none.</summary>
    public static bool? PaymentsFail => Switch("FLAKYSAMPLE_PAYMENTS", "fail", "pass");

    /// <summary><c>FLAKYSAMPLE_RENDER=slow|fast</c>: the report renders in ~300 ms (over budget), or in ~50 ms.</summary>
    public static bool? RenderSlow => Switch("FLAKYSAMPLE_RENDER", "slow", "fast");

    /// <summary><c>FLAKYSAMPLE_BREAK=stock</c>: a regression in the stock count, so a test that always passed fails.</summary>
    public static bool StockBroken => Environment.GetEnvironmentVariable("FLAKYSAMPLE_BREAK") == "stock";

    private static bool? Switch(string name, string on, string off) => Environment.GetEnvironmentVariable(name) switch
    {
        var v when v == on => true,
        var v when v == off => false,
        _ => null,
    };
}
