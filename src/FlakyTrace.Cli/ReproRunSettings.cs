using System.Xml;
using System.Xml.Linq;

namespace FlakyTrace.Cli;

/// <summary>
/// The run settings file of one side of a repro experiment: the user's own file (their
/// ActivitySources and everything else kept) with an enabled FlakyTrace data collector, and on the
/// side with the condition, the <c>&lt;Repro&gt;</c> plan in its configuration. Nothing but this file
/// ever carries a plan, so no run that repro did not start injects anything.
/// </summary>
internal static class ReproRunSettings
{
    /// <summary>Writes the file; throws <see cref="InvalidDataException"/> when the user's file is not XML.</summary>
    public static void Write(string path, string? userSettings, string? injection, bool serial = false)
    {
        XDocument document;
        try
        {
            document = userSettings is null ? new XDocument(new XElement("RunSettings")) : XDocument.Load(userSettings);
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException($"the run settings file {userSettings} is not valid XML ({ex.Message})", ex);
        }

        var root = document.Root ?? throw new InvalidDataException($"the run settings file {userSettings} is empty");
        var collectors = Child(Child(root, "DataCollectionRunSettings"), "DataCollectors");
        var collector = collectors.Elements("DataCollector")
            .FirstOrDefault(e => string.Equals((string?)e.Attribute("friendlyName"), "FlakyTrace", StringComparison.OrdinalIgnoreCase));
        if (collector is null)
        {
            collector = new XElement("DataCollector", new XAttribute("friendlyName", "FlakyTrace"));
            collectors.Add(collector);
        }

        collector.SetAttributeValue("enabled", "true");
        var configuration = Child(collector, "Configuration");
        configuration.Elements().Where(e => string.Equals(e.Name.LocalName, FlakyCollector.Analysis.Repro.ReproNames.ReproElement, StringComparison.OrdinalIgnoreCase)).Remove();
        configuration.Elements().Where(e => string.Equals(e.Name.LocalName, "Enabled", StringComparison.OrdinalIgnoreCase)).Remove();
        if (injection is not null)
        {
            configuration.Add(new XElement(FlakyCollector.Analysis.Repro.ReproNames.ReproElement, "\n" + injection + "\n"));
        }

        if (serial)
        {
            // Each framework's own switch for one test at a time, as its VSTest adapter reads it from run settings.
            Child(Child(root, "xUnit"), "ParallelizeTestCollections").Value = "false";
            Child(Child(root, "NUnit"), "NumberOfTestWorkers").Value = "0";
            Child(Child(Child(root, "MSTest"), "Parallelize"), "Workers").Value = "1";
        }

        document.Save(path);
    }

    private static XElement Child(XElement parent, string name)
    {
        var child = parent.Element(name);
        if (child is null)
        {
            child = new XElement(name);
            parent.Add(child);
        }

        return child;
    }
}
