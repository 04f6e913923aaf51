using System.Diagnostics;
using FlakyCollector.Export;
using FlakyCollector.Testing;

namespace FlakyCollector.Tests.Export;

/// <summary>Behaviour both OTLP exporters owe their callers, run against a real receiver on loopback.</summary>
public abstract class OtlpExporterContractTests
{
    protected const string Secret = "sk-live-4f9c2e7a81";

    protected static readonly KeyValuePair<string, string>[] Headers =
    [
        new("x-api-key", Secret),
        new("x-tenant", "payments"),
    ];

    protected abstract string Protocol { get; }

    [Fact]
    public async Task ExportAsync_ReceiverUp_DeliversSpansAndHeaders()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var exporter = CreateExporter(Settings(receiver));

        var result = await exporter.ExportAsync(SampleSpans.Resource, [SampleSpans.FailedTest(), SampleSpans.HttpCall()]);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, result.ExportedSpanCount);
        Assert.Null(result.Error);
        Assert.True(await receiver.WaitForSpansAsync(2, TimeSpan.FromSeconds(5)));
        var export = Assert.Single(receiver.Exports);
        Assert.Equal(Protocol, export.Protocol);
        Assert.Equal(Secret, export.Headers["x-api-key"]);
        Assert.Equal("payments", export.Headers["x-tenant"]);
        Assert.StartsWith("FlakyCollector/", export.Headers["user-agent"], StringComparison.Ordinal);
        Assert.Equal(["OrdersTests.Create(amount: 5)", "GET"], receiver.Spans.Select(s => s.Name));
    }

    [Fact]
    public async Task ExportAsync_ManySpans_SplitsIntoRequestsOfAtMostTheBatchSize()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var exporter = CreateExporter(Settings(receiver) with { MaxSpansPerRequest = 512 });
        var spans = SampleSpans.Many(1200);

        var result = await exporter.ExportAsync(SampleSpans.Resource, spans);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(1200, result.ExportedSpanCount);
        Assert.Equal([512, 512, 176], receiver.Exports.Select(e => e.SpanCount));
        Assert.Equal(spans.Select(s => s.Name), receiver.Spans.Select(s => s.Name));
    }

    [Fact]
    public async Task ExportAsync_LargeSpans_KeepsRequestsUnderTheByteLimit()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var exporter = CreateExporter(Settings(receiver) with { MaxRequestBytes = 100_000 });

        var result = await exporter.ExportAsync(SampleSpans.Resource, SampleSpans.Many(20, padding: 30_000));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(20, receiver.SpanCount);
        Assert.True(receiver.Exports.Count >= 7, $"{receiver.Exports.Count} requests");
        Assert.All(receiver.Exports, e => Assert.InRange(e.BodyLength, 1, 100_000));
    }

    [Fact]
    public async Task ExportAsync_RefusedConnection_FailsFastNamingTheEndpoint()
    {
        var endpoint = BlackHoleListener.RefusingEndpoint();
        using var exporter = CreateExporter(Settings(endpoint) with { Timeout = TimeSpan.FromSeconds(30) });
        var watch = Stopwatch.StartNew();

        var result = await exporter.ExportAsync(SampleSpans.Resource, [SampleSpans.FailedTest()]);

        // Fast means: not waiting for the 30 s timeout. Half of it holds on a loaded machine too.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        Assert.False(result.Succeeded);
        Assert.Equal(0, result.ExportedSpanCount);
        Assert.Contains($"127.0.0.1:{endpoint.Port}", result.Error, StringComparison.Ordinal);
        Assert.Contains(Protocol, result.Error, StringComparison.Ordinal);
        Assert.Contains("refused", result.Error, StringComparison.OrdinalIgnoreCase);
        AssertOneLineWithoutSecrets(result.Error);
    }

    [Fact]
    public async Task ExportAsync_ReceiverNeverAnswers_IsAbandonedAtTheDeadline()
    {
        var receiver = await OtlpReceiver.StartAsync(OtlpReceiverMode.NeverAnswer);
        try
        {
            using var exporter = CreateExporter(Settings(receiver) with { Timeout = TimeSpan.FromSeconds(1) });
            await AssertAbandonedAtDeadline(exporter);
        }
        finally
        {
            var watch = Stopwatch.StartNew();
            await receiver.DisposeAsync();
            // It gives a hanging request 2 s; the bound only has to tell that from waiting forever, under load too.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"receiver stopped in {watch.Elapsed}");
        }
    }

    [Fact]
    public async Task ExportAsync_ListenerThatNeverSpeaks_IsAbandonedAtTheDeadline()
    {
        using var blackHole = new BlackHoleListener();
        using var exporter = CreateExporter(Settings(EndpointFor(blackHole.Endpoint)) with { Timeout = TimeSpan.FromSeconds(1) });
        await AssertAbandonedAtDeadline(exporter);
    }

    [Fact]
    public async Task ExportAsync_ReceiverUnavailable_RetriesOnceThenReportsTheStatus()
    {
        await using var receiver = await OtlpReceiver.StartAsync(OtlpReceiverMode.Status503);
        using var exporter = CreateExporter(Settings(receiver));

        var result = await exporter.ExportAsync(SampleSpans.Resource, [SampleSpans.FailedTest()]);

        Assert.False(result.Succeeded);
        Assert.Equal(2, receiver.RequestCount);
        Assert.Contains(UnavailableText, result.Error, StringComparison.Ordinal);
        Assert.Contains("retried once", result.Error, StringComparison.Ordinal);
        Assert.Contains(EndpointFor(receiver).Authority, result.Error, StringComparison.Ordinal);
        AssertOneLineWithoutSecrets(result.Error);
    }

    [Fact]
    public async Task ExportAsync_OneTransientFailure_SucceedsOnRetry()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        receiver.FailNextRequests = 1;
        using var exporter = CreateExporter(Settings(receiver));

        var result = await exporter.ExportAsync(SampleSpans.Resource, [SampleSpans.FailedTest()]);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, receiver.RequestCount);
        Assert.Equal(1, receiver.SpanCount);
    }

    [Fact]
    public async Task ExportAsync_TooLittleTimeLeft_DoesNotRetry()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using (var warmUp = CreateExporter(Settings(receiver)))
        {
            // A cold server can take longer than the short timeout below to answer at all.
            Assert.True((await warmUp.ExportAsync(SampleSpans.Resource, [SampleSpans.Minimal()])).Succeeded);
        }

        receiver.Mode = OtlpReceiverMode.Status503;
        // 700 ms: whenever the 503 comes, what is left minus the 200 ms retry delay is under the 500 ms a retry needs.
        using var exporter = CreateExporter(Settings(receiver) with { Timeout = TimeSpan.FromMilliseconds(700) });

        var result = await exporter.ExportAsync(SampleSpans.Resource, [SampleSpans.FailedTest()]);

        Assert.False(result.Succeeded);
        Assert.Equal(2, receiver.RequestCount);
        Assert.DoesNotContain("retried", result.Error, StringComparison.Ordinal);
        // On a loaded machine a new connection's answer can itself come after the 700 ms: then the timeout is named.
        Assert.True(result.Error!.Contains(UnavailableText, StringComparison.Ordinal)
            || result.Error.Contains("no answer within the export timeout of 0.7 s", StringComparison.Ordinal), result.Error);
    }

    [Fact]
    public async Task ExportAsync_CredentialsInTheEndpoint_StayOutOfErrors()
    {
        var refusing = BlackHoleListener.RefusingEndpoint();
        var endpoint = new UriBuilder(EndpointFor(refusing)) { UserName = "admin", Password = Secret, Query = "key=" + Secret }.Uri;
        using var exporter = CreateExporter(Settings(endpoint));

        var result = await exporter.ExportAsync(SampleSpans.Resource, [SampleSpans.FailedTest()]);

        Assert.False(result.Succeeded);
        AssertOneLineWithoutSecrets(result.Error);
    }

    [Fact]
    public async Task ExportAsync_CallerCancels_ReturnsPromptlySayingSo()
    {
        var receiver = await OtlpReceiver.StartAsync(OtlpReceiverMode.NeverAnswer);
        await using (receiver)
        {
            using var exporter = CreateExporter(Settings(receiver) with { Timeout = TimeSpan.FromSeconds(60) });
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var watch = Stopwatch.StartNew();

            var result = await exporter.ExportAsync(SampleSpans.Resource, [SampleSpans.FailedTest()], cancellation.Token);

            // Promptly means: not waiting for the 60 s timeout. Half of it holds on a loaded machine too.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
            Assert.False(result.Succeeded);
            Assert.Contains("cancelled", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ExportAsync_NoSpans_SucceedsWithoutARequest()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var exporter = CreateExporter(Settings(receiver));

        var result = await exporter.ExportAsync(SampleSpans.Resource, []);

        Assert.True(result.Succeeded);
        Assert.Equal(0, receiver.RequestCount);
    }

    [Fact]
    public async Task ExportAsync_AfterDispose_Throws()
    {
        var exporter = CreateExporter(Settings(BlackHoleListener.RefusingEndpoint()));
        exporter.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => exporter.ExportAsync(SampleSpans.Resource, [SampleSpans.Minimal()]));
    }

    /// <summary>What the receiver's unavailable answer looks like in this protocol's error.</summary>
    protected abstract string UnavailableText { get; }

    private protected abstract ITraceExporter CreateExporter(OtlpExporterSettings settings);

    /// <summary>The endpoint setting for a server at <paramref name="baseAddress"/>.</summary>
    protected abstract Uri EndpointFor(Uri baseAddress);

    protected abstract Uri EndpointFor(OtlpReceiver receiver);

    protected static void AssertOneLineWithoutSecrets(string? error)
    {
        Assert.NotNull(error);
        Assert.DoesNotContain(Secret, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
        Assert.DoesNotContain('\r', error);
    }

    private protected OtlpExporterSettings Settings(OtlpReceiver receiver) => Settings(EndpointFor(receiver));

    private protected static OtlpExporterSettings Settings(Uri endpoint) => new()
    {
        Endpoint = endpoint,
        Headers = Headers,
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static async Task AssertAbandonedAtDeadline(ITraceExporter exporter)
    {
        var watch = Stopwatch.StartNew();
        var result = await exporter.ExportAsync(SampleSpans.Resource, [SampleSpans.FailedTest()]);

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
        Assert.False(result.Succeeded);
        Assert.Contains("no answer within the export timeout of 1 s", result.Error, StringComparison.Ordinal);
        AssertOneLineWithoutSecrets(result.Error);
    }
}
