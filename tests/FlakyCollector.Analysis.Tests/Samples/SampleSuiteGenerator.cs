using System.Globalization;

namespace FlakyCollector.Analysis.Tests.Samples;

/// <summary>
/// Writes the sample suite's traces for many runs as the collector would: one <c>.otlp.jsonl</c>
/// file per run, child spans mostly on lines before their test span (they end first), some in
/// the same line, server spans of the called services in a file of their own, and the run's own
/// span at the end.
/// </summary>
internal sealed class SampleSuiteGenerator(int seed)
{
    public int Runs { get; init; } = 40;

    public string? Commit { get; init; } = "4f2a9c1e";

    public OtlpLineWriter Writer { get; init; } = new();

    public List<string> WriteTo(string directory)
    {
        var random = new Random(seed);
        var simulator = new SampleRunSimulator(random);
        var files = new List<string>();
        var epoch = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;
        for (var run = 1; run <= Runs; run++)
        {
            var runId = $"run-{seed}-{run:000}";
            var pid = 4000 + random.Next(5000);
            var runStart = epoch + (run * 3_600_000_000_000L);
            var executions = simulator.Simulate(runStart);
            var factory = new SampleSpanFactory(random, runId, pid);
            var runDirectory = Path.Combine(directory, $"run-{run:000}");
            Directory.CreateDirectory(runDirectory);
            var testFile = Path.Combine(runDirectory, $"Shop.Tests.{runId}.otlp.jsonl");
            var serviceFile = Path.Combine(runDirectory, "services.otlp.jsonl");
            using (var tests = new StreamWriter(testFile))
            using (var services = new StreamWriter(serviceFile))
            {
                var resource = Resource("Shop.Tests", runId);
                var serviceResource = Resource("catalog-and-friends", null);
                var line = 0;
                foreach (var execution in executions.OrderBy(e => e.EndNanos))
                {
                    var children = factory.Children(execution);
                    var serverSpans = children.Where(s => s.Kind == 2).ToList();
                    var clientSpans = children.Where(s => s.Kind != 2).ToList();
                    if (serverSpans.Count > 0)
                    {
                        services.WriteLine(Writer.Line(serviceResource, serverSpans));
                    }

                    // Mostly children first, as an exporter flushes them when they end; every third
                    // execution in one line with its test span; now and then children after it.
                    var testSpan = factory.TestSpan(execution);
                    switch (line++ % 3)
                    {
                        case 0:
                            tests.WriteLine(Writer.Line(resource, [.. clientSpans, testSpan]));
                            break;
                        case 1 when clientSpans.Count > 0 && line % 2 == 0:
                            tests.WriteLine(Writer.Line(resource, [testSpan]));
                            tests.WriteLine(Writer.Line(resource, clientSpans));
                            break;
                        default:
                            if (clientSpans.Count > 0)
                            {
                                tests.WriteLine(Writer.Line(resource, clientSpans));
                            }

                            tests.WriteLine(Writer.Line(resource, [testSpan]));
                            break;
                    }
                }

                tests.WriteLine(Writer.Line(resource, [RunSpan(random, runId, executions)]));
            }

            files.Add(testFile);
            files.Add(serviceFile);
        }

        return files;
    }

    private List<KeyValuePair<string, object>> Resource(string serviceName, string? runId)
    {
        var resource = new List<KeyValuePair<string, object>>
        {
            new("service.name", serviceName),
            new("host.name", "ci-runner-3"),
            new("telemetry.sdk.language", "dotnet"),
        };
        if (Commit is not null)
        {
            resource.Add(new("vcs.ref.head.revision", Commit));
            resource.Add(new("vcs.ref.head.name", "main"));
        }

        if (runId is not null)
        {
            resource.Add(new("cicd.pipeline.run.id", runId));
        }

        return resource;
    }

    private static SampleSpan RunSpan(Random random, string runId, List<SimulatedExecution> executions)
    {
        var bytes = new byte[24];
        random.NextBytes(bytes);
        var hex = Convert.ToHexStringLower(bytes);
        return new SampleSpan(hex[..32], hex[32..], null, "test run", 1, executions.Min(e => e.StartNanos), executions.Max(e => e.EndNanos), "FlakyTrace")
        {
            Attributes =
            [
                new("test.run.id", runId),
                new("test.suite.run.status", executions.Any(e => e.Failed) ? "failure" : "success"),
                new("tests.total", executions.Count.ToString(CultureInfo.InvariantCulture)),
            ],
        };
    }
}
