using System.Xml.Linq;
using FlakyCollector.Recording;

namespace FlakyCollector.InProc;

/// <summary>
/// The few settings the test process needs: which ActivitySources to record, and whether the
/// collector is switched off. Everything else is read, validated and reported by the logger in
/// vstest.console, which receives the same configuration.
/// </summary>
public sealed record InProcSettings(bool Enabled, IReadOnlyList<string> ActivitySources, string? Repro = null)
{
    public static InProcSettings Parse(string? configurationXml, Func<string, string?> environment)
    {
        var sources = new List<string>(TestActivityNames.DefaultSources);
        // An explicit <Enabled> wins, as in the logger's reading; OTEL_SDK_DISABLED decides only without one.
        var byEnvironment = !string.Equals(environment("OTEL_SDK_DISABLED")?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        bool? explicitly = null;
        string? repro = null;
        if (string.IsNullOrWhiteSpace(configurationXml))
        {
            return new InProcSettings(byEnvironment, sources);
        }

        try
        {
            var root = XElement.Parse(configurationXml);
            foreach (var element in root.DescendantsAndSelf())
            {
                if (string.Equals(element.Name.LocalName, "ActivitySources", StringComparison.OrdinalIgnoreCase))
                {
                    sources.AddRange(element.Value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                }
                else if (string.Equals(element.Name.LocalName, FlakyCollector.Repro.ReproSettingNames.Repro, StringComparison.OrdinalIgnoreCase))
                {
                    repro = element.Value;
                }
                else if (string.Equals(element.Name.LocalName, "Enabled", StringComparison.OrdinalIgnoreCase)
                    && bool.TryParse(element.Value.Trim(), out var value))
                {
                    explicitly = value;
                }
            }
        }
        catch (System.Xml.XmlException)
        {
            // The logger reads the same configuration and reports what is wrong with it.
        }

        return new InProcSettings(explicitly ?? byEnvironment, sources, repro);
    }
}
