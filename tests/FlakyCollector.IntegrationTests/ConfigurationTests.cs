using FlakyCollector.IntegrationTests.Infrastructure;
using FlakyCollector.Testing;

namespace FlakyCollector.IntegrationTests;

/// <summary>Run settings, OTEL_* variables and bad values, on the xUnit sample.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ConfigurationTests(PackageFeed feed)
{
    private const string Secret = "s3cr3t-api-key-value";

    [Fact]
    public async Task UserRunSettings_SwitchTheCollectorOn_AreKept_AndConfigureHttpExport()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var sample = SampleProject.Create("XunitSample", feed);
        var settings = WriteSettings(sample, $"""
            <RunSettings>
              <RunConfiguration><TreatNoTestsAsError>true</TreatNoTestsAsError></RunConfiguration>
              <DataCollectionRunSettings><DataCollectors>
                <DataCollector friendlyName="FlakyTrace">
                  <Configuration>
                    <Endpoint>{receiver.HttpEndpoint}</Endpoint>
                    <Protocol>http/protobuf</Protocol>
                    <Headers>x-api-key={Secret}</Headers>
                    <ServiceName>orders-tests</ServiceName>
                    <ResourceAttributes>team=payments</ResourceAttributes>
                  </Configuration>
                </DataCollector>
              </DataCollectors></DataCollectionRunSettings>
            </RunSettings>
            """);

        // No collect argument: the enabled collector in the user's run settings is enough.
        var run = sample.Test(["--settings", settings], new Dictionary<string, string?> { ["OTEL_SERVICE_NAME"] = "loses-to-runsettings" });

        Assert.Equal(run.TrxResults.Count, run.TestSpans.Count);
        Assert.All(run.TestSpans, s => Assert.Equal("orders-tests", s.Resource["service.name"]));
        Assert.All(run.TestSpans, s => Assert.Equal("payments", s.Resource["team"]));
        Assert.Equal(run.Spans.Count, receiver.SpanCount);
        Assert.All(receiver.Exports, e => Assert.Equal("http/protobuf", e.Protocol));
        Assert.All(receiver.Exports, e => Assert.Equal(Secret, e.Headers["x-api-key"]));
        var merged = File.ReadAllText(Directory.GetFiles(sample.Directory, "flakytrace.runsettings", SearchOption.AllDirectories).Single());
        Assert.Contains("<TreatNoTestsAsError>true</TreatNoTestsAsError>", merged, StringComparison.Ordinal);
        AssertSecretAppearsNowhere(run);
    }

    [Fact]
    public void WrongValues_AreNamedInOneWarningEach_AndTheRunGoesOn()
    {
        using var sample = SampleProject.Create("XunitSample", feed);
        var settings = WriteSettings(sample, """
            <RunSettings>
              <DataCollectionRunSettings><DataCollectors>
                <DataCollector friendlyName="FlakyTrace">
                  <Configuration>
                    <Protocol>carrier-pigeon</Protocol>
                    <ExportTimeout>soon</ExportTimeout>
                    <Colour>blue</Colour>
                  </Configuration>
                </DataCollector>
              </DataCollectors></DataCollectionRunSettings>
            </RunSettings>
            """);

        var run = sample.Test(["--collect", "FlakyTrace", "--settings", settings]);

        Assert.Equal(run.TrxResults.Count, run.TestSpans.Count);
        var warnings = run.Process.Output.Split('\n').Where(l => l.Contains("FlakyTrace warning", StringComparison.Ordinal)).ToList();
        Assert.Single(warnings, w => w.Contains("'carrier-pigeon'", StringComparison.Ordinal) && w.Contains("http/protobuf", StringComparison.Ordinal));
        Assert.Single(warnings, w => w.Contains("'soon'", StringComparison.Ordinal) && w.Contains("5s", StringComparison.Ordinal));
        Assert.Single(warnings, w => w.Contains("<Colour>", StringComparison.Ordinal) && w.Contains("Endpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void RefusingEndpoint_CostsNothing_WarnsOnce_AndKeepsTheFile()
    {
        using var sample = SampleProject.Create("XunitSample", feed);
        var endpoint = BlackHoleListener.RefusingEndpoint();

        var run = sample.Test(["--collect", "FlakyTrace"], new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_HEADERS"] = $"authorization=Bearer {Secret}",
        });

        Assert.Equal(1, run.Process.ExitCode);
        Assert.Equal(run.TrxResults.Count, run.TestSpans.Count);
        var warning = Assert.Single(run.Process.Output.Split('\n'), l => l.Contains("FlakyTrace warning", StringComparison.Ordinal));
        Assert.Contains($"{endpoint.Host}:{endpoint.Port}", warning, StringComparison.Ordinal);
        AssertSecretAppearsNowhere(run);
    }

    [Fact]
    public void EndpointThatNeverAnswers_IsAbandonedAtTheExportTimeout()
    {
        using var blackHole = new BlackHoleListener();
        using var sample = SampleProject.Create("XunitSample", feed);

        var run = sample.Test(["--collect", "FlakyTrace"], new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = blackHole.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_TIMEOUT"] = "2000",
        });

        Assert.Equal(1, run.Process.ExitCode);
        Assert.True(blackHole.AcceptedConnections > 0);
        Assert.Equal(run.TrxResults.Count, run.TestSpans.Count);
        var warning = Assert.Single(run.Process.Output.Split('\n'), l => l.Contains("FlakyTrace warning", StringComparison.Ordinal));
        Assert.Contains($"{blackHole.Endpoint.Host}:{blackHole.Endpoint.Port}", warning, StringComparison.Ordinal);
        // The export timeout (2 s, no longer than the first-answer bound) is what gives the endpoint up.
        Assert.Contains("no answer within the export timeout of 2 s", warning, StringComparison.Ordinal);
        // Not a speed test: a bound far above the 2 s timeout, so that a hang fails instead of waiting forever.
        Assert.True(run.Process.Elapsed < TimeSpan.FromSeconds(120), $"the run took {run.Process.Elapsed}");
    }

    private static string WriteSettings(SampleProject sample, string xml)
    {
        var path = Path.Combine(sample.Directory, "test.runsettings");
        File.WriteAllText(path, xml);
        return path;
    }

    private static void AssertSecretAppearsNowhere(SampleRun run)
    {
        Assert.DoesNotContain(Secret, run.Process.Output, StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(run.ResultsDirectory, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".trx", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(Secret, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }
}
