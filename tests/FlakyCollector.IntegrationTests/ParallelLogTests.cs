using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using FlakyCollector.IntegrationTests.Infrastructure;
using FlakyCollector.Testing;
using Xunit.Abstractions;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// tests/samples/LogsParallelNUnit with the app tests/samples/WebAppPrices: 200 NUnit cases run at
/// once, each writing lines that name it through <c>ILogger</c>, its output and the console, and
/// calling the app in memory, which logs the case's SKU. Every such line must be one log record, in
/// the file and over OTLP, in the trace of the case it names: under the case's span, or the app's
/// server span of that case's request, also the host's "Request finished" line, which can come
/// after the case has ended.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed partial class ParallelLogTests(PackageFeed feed, ITestOutputHelper output)
{
    private const int Cases = 200;
    private static readonly string[] CaseLines = ["{0} asks for its price", "{0} was answered 404", "{0} wrote to its output", "{0} wrote to the console"];
    private static readonly string[] AppLines = ["Price requested for {0}", "No price for {0}"];
    private static readonly ConcurrentDictionary<string, Lazy<(SampleRun Run, IReadOnlyList<Record> Received, int Late)>> Runs = new();

    [Fact]
    public void TwoHundredCases_RanAtOnce()
    {
        var (run, _, _) = Get();
        var tests = CaseSpans(run);
        Assert.True(run.Process.ExitCode == 0, run.Process.Output);
        Assert.Equal(Cases, tests.Count);

        // The most cases running at one instant, from their own spans.
        var overlap = tests.Values.SelectMany(t => new[] { (At: t.StartUnixNano, Step: 1), (At: t.EndUnixNano, Step: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Step)
            .Aggregate((Now: 0, Most: 0), (acc, e) => (acc.Now + e.Step, Math.Max(acc.Most, acc.Now + e.Step))).Most;
        output.WriteLine($"{overlap} of {Cases} cases ran at once");
        Assert.Equal(Cases, overlap);
    }

    [Fact]
    public void File_EveryLineOnce_InTheTraceOfTheCaseItNames()
    {
        var (run, _, _) = Get();
        var records = run.Logs.Select(r => new Record(r.TraceId, r.SpanId, r.Body)).ToList();
        AssertEveryLineOnceAndAttributed(run, records, "file");
    }

    [Fact]
    public void Otlp_EveryLineOnce_InTheTraceOfTheCaseItNames()
    {
        var (run, received, late) = Get();
        output.WriteLine($"{late} records were written in a case's trace after the case's span had ended");
        AssertEveryLineOnceAndAttributed(run, received, "OTLP");

        // And nothing else differs: the endpoint got the file's records, each once.
        var inFile = run.Logs.Select(r => new Record(r.TraceId, r.SpanId, r.Body)).OrderBy(r => r.ToString(), StringComparer.Ordinal);
        Assert.Equal(inFile, received.OrderBy(r => r.ToString(), StringComparer.Ordinal));
    }

    private void AssertEveryLineOnceAndAttributed(SampleRun run, IReadOnlyList<Record> records, string where)
    {
        var tests = CaseSpans(run);
        var servers = run.Spans.Where(s => s.Scope == "Microsoft.AspNetCore").ToList();
        var named = records.Where(r => CaseName().IsMatch(r.Body)).ToList();
        output.WriteLine($"{where}: {records.Count} log records, {named.Count} naming a case");

        // No record naming a case is in another case's trace, or outside any.
        var misattributed = named.Where(r => tests[int.Parse(CaseName().Match(r.Body).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)].TraceId != r.TraceId).ToList();
        Assert.True(misattributed.Count == 0, $"{misattributed.Count} records in the wrong trace, e.g. {string.Join("; ", misattributed.Take(5))}");

        foreach (var (n, test) in tests)
        {
            var name = $"case-{n:000}";
            var server = Assert.Single(servers, s => s.TraceId == test.TraceId && s.ParentSpanId == test.SpanId);
            foreach (var (lines, spanId) in new[] { (CaseLines, test.SpanId), (AppLines, server.SpanId) })
            {
                foreach (var line in lines.Select(l => string.Format(System.Globalization.CultureInfo.InvariantCulture, l, name)))
                {
                    var found = named.Where(r => r.Body == line).ToList();
                    Assert.True(found.Count == 1, $"{where}: \"{line}\" is there {found.Count} times");
                    Assert.Equal((test.TraceId, spanId), (found[0].TraceId, found[0].SpanId));
                }
            }

            // The host's own lines too; "Request finished" may come after the test has ended.
            foreach (var prefix in new[] { "Request starting ", "Request finished " })
            {
                var found = named.Where(r => r.Body.StartsWith(prefix, StringComparison.Ordinal) && r.Body.Contains($"/prices/{name} ", StringComparison.Ordinal)).ToList();
                Assert.True(found.Count == 1, $"{where}: \"{prefix}... /prices/{name}\" is there {found.Count} times");
                Assert.Equal((test.TraceId, server.SpanId), (found[0].TraceId, found[0].SpanId));
            }
        }
    }

    private static Dictionary<int, FileSpan> CaseSpans(SampleRun run) =>
        run.TestSpans.Where(t => t.Attribute("test.case.name")!.Contains("Logs_Its_Own_Lines", StringComparison.Ordinal))
            .ToDictionary(t => int.Parse(CaseNumber().Match(t.Attribute("test.case.name")!).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>One traced run, shared by the three tests.</summary>
    private (SampleRun Run, IReadOnlyList<Record> Received, int Late) Get() =>
        Runs.GetOrAdd("LogsParallelNUnit", _ => new Lazy<(SampleRun, IReadOnlyList<Record>, int)>(() => RunTraced(feed))).Value;

    private static (SampleRun, IReadOnlyList<Record>, int) RunTraced(PackageFeed feed)
    {
        using var receiver = OtlpReceiver.StartAsync().GetAwaiter().GetResult();
        using var app = SampleProject.Create("WebAppPrices", feed, addPackage: false);
        using var tests = SampleProject.CreateIn(app.Root, "LogsParallelNUnit", feed);
        var run = tests.Test(["--collect", "FlakyTrace"], new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.GrpcEndpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
        });
        _ = (run.Spans, run.Logs); // read before the folder goes
        var received = receiver.LogRecords
            .Select(r => new Record(Hex(r.TraceId), Hex(r.SpanId), r.Body.StringValue))
            .ToList();
        // Only the endpoint's records carry their time here: how many came after their case ended.
        var ends = run.TestSpans.ToDictionary(t => t.TraceId, t => t.EndUnixNano, StringComparer.Ordinal);
        var late = receiver.LogRecords.Count(r => Hex(r.TraceId) is { } trace && ends.TryGetValue(trace, out var end) && (long)r.TimeUnixNano > end);
        return (run, received, late);
    }

    private static string? Hex(Google.Protobuf.ByteString id) => id.IsEmpty ? null : Convert.ToHexStringLower(id.Span);

    [GeneratedRegex(@"case-(\d{3})")]
    private static partial Regex CaseName();

    [GeneratedRegex(@"\((\d+)\)$")]
    private static partial Regex CaseNumber();

    private sealed record Record(string? TraceId, string? SpanId, string Body);
}
