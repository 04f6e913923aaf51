using FlakyCollector.Configuration;

namespace FlakyCollector.Mtp;

/// <summary>How the platform names this extension in its listings and messages.</summary>
internal static class ExtensionInfo
{
    public const string Uid = SettingNames.FriendlyName;
    public const string DisplayName = SettingNames.FriendlyName;
    public const string Description = "Turns every test into an OpenTelemetry trace (file output, and OTLP when configured).";

    public static readonly string Version = typeof(ExtensionInfo).Assembly.GetName().Version?.ToString() ?? "1.0.0.0";
}
