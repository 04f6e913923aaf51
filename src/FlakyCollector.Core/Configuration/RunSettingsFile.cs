using System.Xml;
using System.Xml.Linq;

namespace FlakyCollector.Configuration;

/// <summary>
/// What a <c>.runsettings</c> file says about FlakyTrace: whether its data collector is there and
/// enabled, and its <c>&lt;Configuration&gt;</c> as element name to text. Read the same way under
/// VSTest and Microsoft.Testing.Platform, so one file configures both.
/// </summary>
internal sealed record RunSettingsFile(bool CollectorEnabled, IReadOnlyDictionary<string, string> Configuration)
{
    public static readonly RunSettingsFile None = new(false, new Dictionary<string, string>());

    /// <summary>Reads <paramref name="xml"/>; a file that is not run settings gives <see cref="None"/> and a reason.</summary>
    public static RunSettingsFile Parse(string xml, out string? problem)
    {
        problem = null;
        XElement root;
        try
        {
            root = XElement.Parse(xml);
        }
        catch (XmlException ex)
        {
            problem = $"it is not valid XML ({ex.Message})";
            return None;
        }

        var collector = root.Elements().Where(e => Is(e, "DataCollectionRunSettings"))
            .Elements().Where(e => Is(e, "DataCollectors"))
            .Elements().Where(e => Is(e, "DataCollector"))
            .FirstOrDefault(e => string.Equals((string?)e.Attribute("friendlyName"), SettingNames.FriendlyName, StringComparison.OrdinalIgnoreCase));
        if (collector is null)
        {
            return None;
        }

        var enabled = !string.Equals(((string?)collector.Attribute("enabled"))?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        var configuration = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in collector.Elements().Where(e => Is(e, "Configuration")).Elements())
        {
            configuration[element.Name.LocalName] = element.Value;
        }

        return new RunSettingsFile(enabled, configuration);
    }

    private static bool Is(XElement element, string name) => string.Equals(element.Name.LocalName, name, StringComparison.OrdinalIgnoreCase);
}
