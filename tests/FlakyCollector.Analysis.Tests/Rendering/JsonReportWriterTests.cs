using System.Text.Json;
using FlakyCollector.Analysis.Rendering;
using FlakyCollector.Analysis.Tests.Samples;

namespace FlakyCollector.Analysis.Tests.Rendering;

public sealed class JsonReportWriterTests(SampleReportFixture sample) : IClassFixture<SampleReportFixture>
{
    private static readonly string[] Kinds = ["race", "timing", "external", "order", "contention", "none"];

    [Fact]
    public void Write_Report_FollowsTheContract()
    {
        using var document = Write();
        var tests = document.RootElement.GetProperty("tests");

        Assert.Equal(SampleCatalog.Tests.Count, tests.GetArrayLength());
        foreach (var test in tests.EnumerateArray())
        {
            Assert.Equal(JsonValueKind.String, test.GetProperty("name").ValueKind);
            Assert.True(test.GetProperty("executions").GetInt32() >= test.GetProperty("passed").GetInt32() + test.GetProperty("failed").GetInt32());
            var flaky = test.GetProperty("flaky").GetBoolean();
            var causes = test.GetProperty("causes");
            Assert.Equal(flaky, causes.GetArrayLength() > 0);
            foreach (var cause in causes.EnumerateArray())
            {
                Assert.Contains(cause.GetProperty("kind").GetString(), Kinds);
                Assert.Equal(JsonValueKind.Object, cause.GetProperty("evidence").ValueKind);
            }
        }
    }

    [Fact]
    public void Write_ExternalCause_CarriesItsFigures()
    {
        using var document = Write();
        var stock = document.RootElement.GetProperty("tests").EnumerateArray().Single(t => t.GetProperty("name").GetString() == SampleCatalog.Unavailable);
        var evidence = stock.GetProperty("causes")[0].GetProperty("evidence");

        Assert.Equal("HTTP GET inventory-api/api/stock/{id}", evidence.GetProperty("span").GetString());
        Assert.True(evidence.GetProperty("failingStatusCodes").GetProperty("503").GetInt32() > 0);
        Assert.True(evidence.GetProperty("pValue").GetDouble() < 0.01);
    }

    [Fact]
    public void Write_MalformedInput_ListedWithFileAndLine()
    {
        using var document = Write();
        var input = document.RootElement.GetProperty("input");

        Assert.Equal(1, input.GetProperty("malformedLines").GetInt32());
        var line = input.GetProperty("malformed")[0];
        Assert.EndsWith("services.otlp.jsonl", line.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.True(line.GetProperty("line").GetInt32() > 1);
    }

    private JsonDocument Write()
    {
        using var stream = new MemoryStream();
        JsonReportWriter.Write(sample.Report, stream);
        return JsonDocument.Parse(stream.ToArray());
    }
}
