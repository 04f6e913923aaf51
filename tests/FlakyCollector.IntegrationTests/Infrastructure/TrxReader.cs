using System.Globalization;
using System.Xml.Linq;

namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>Reads the test results of the TRX files a run wrote.</summary>
public static class TrxReader
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static IReadOnlyList<TrxResult> ReadAll(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.trx", SearchOption.AllDirectories).SelectMany(Read).ToList()
            : [];

    private static IEnumerable<TrxResult> Read(string path)
    {
        var document = XDocument.Load(path);
        var classes = document.Descendants(Ns + "UnitTest").ToDictionary(
            t => (string)t.Attribute("id")!,
            t => (string?)t.Element(Ns + "TestMethod")?.Attribute("className") ?? string.Empty);
        return document.Descendants(Ns + "UnitTestResult").Select(r => new TrxResult(
            classes.GetValueOrDefault((string)r.Attribute("testId")!) ?? string.Empty,
            (string)r.Attribute("testName")!,
            (string)r.Attribute("outcome")!,
            TimeSpan.Parse((string?)r.Attribute("duration") ?? "0", CultureInfo.InvariantCulture),
            DateTimeOffset.Parse((string)r.Attribute("startTime")!, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse((string)r.Attribute("endTime")!, CultureInfo.InvariantCulture),
            r.Descendants(Ns + "Message").FirstOrDefault()?.Value,
            r.Descendants(Ns + "StackTrace").FirstOrDefault()?.Value,
            r.Descendants(Ns + "StdOut").FirstOrDefault()?.Value));
    }
}
