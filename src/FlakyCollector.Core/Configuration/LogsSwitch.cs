namespace FlakyCollector.Configuration;

/// <summary>The values of <c>&lt;Logs&gt;</c>, read alike by the front ends and the test process.</summary>
internal static class LogsSwitch
{
    /// <summary>True for on/true, false for off/false, null for anything else.</summary>
    public static bool? TryParse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "on" or "true" => true,
        "off" or "false" => false,
        _ => null,
    };
}
