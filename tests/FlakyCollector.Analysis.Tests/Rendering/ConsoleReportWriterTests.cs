using FlakyCollector.Analysis.Rendering;
using FlakyCollector.Analysis.Tests.Samples;

namespace FlakyCollector.Analysis.Tests.Rendering;

public sealed class ConsoleReportWriterTests(SampleReportFixture sample) : IClassFixture<SampleReportFixture>
{
    [Fact]
    public void Write_Report_ShowsRankingSideBySideAndCauses()
    {
        using var writer = new StringWriter();
        ConsoleReportWriter.Write(sample.Report, writer);
        var text = writer.ToString();

        Assert.Contains("5 flaky tests, by runs disrupted:", text, StringComparison.Ordinal);
        Assert.Contains("HTTP GET inventory-api/api/stock/{id}", text, StringComparison.Ordinal);
        Assert.Contains("- external: HTTP GET inventory-api/api/stock/{id}", text, StringComparison.Ordinal);
        Assert.Contains("- order: fails when " + SampleCatalog.OrderPredecessor, text, StringComparison.Ordinal);
        Assert.Contains("(test duration)", text, StringComparison.Ordinal);
        Assert.Contains(SampleCatalog.Broken, text, StringComparison.Ordinal);
    }
}
