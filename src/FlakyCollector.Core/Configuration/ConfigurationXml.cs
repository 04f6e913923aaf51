using System.Xml;
using System.Xml.Linq;

namespace FlakyCollector.Configuration;

/// <summary>
/// A collector's <c>&lt;Configuration&gt;</c> element as vstest hands it over, as element name to
/// text: the form <see cref="SettingsReader"/> reads.
/// </summary>
internal static class ConfigurationXml
{
    public static IReadOnlyDictionary<string, string> Values(string? xml)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(xml))
        {
            return values;
        }

        try
        {
            foreach (var element in XElement.Parse(xml).Elements())
            {
                values[element.Name.LocalName] = element.Value;
            }
        }
        catch (XmlException)
        {
            // The logger reads the same configuration and reports what is wrong with it.
        }

        return values;
    }
}
