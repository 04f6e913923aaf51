namespace FlakyCollector.Analysis.Tests.Samples;

/// <summary>
/// Writes <see cref="CiHistoryCatalog"/>'s traces for many runs. Per run: the main test process's
/// file (.NET 10); one file per runtime of the multi-targeted project, with its own resource; and
/// the services' file as an OpenTelemetry Collector's file exporter would write it (other
/// resources, the same trace ids, the warehouse service's own database spans). Some server spans
/// are in both the test file and the services' file, as when an in-process request is recorded by
/// the test process and exported by the service too. Late spans (a race's background work) are
/// written after their test span. Failed calls to the flaky dependency are retried.
/// </summary>
internal sealed class CiHistoryGenerator(int seed)
{
    private const double OutageShare = 0.15;

    public int Runs { get; init; } = 40;

    public string Commit { get; init; } = "9c0ffee1";

    private readonly OtlpLineWriter _writer = new();

    public void WriteTo(string directory)
    {
        var random = new Random(seed);
        var simulator = new SampleRunSimulator(random, CiHistoryCatalog.Tests);
        var outages = Enumerable.Range(1, Runs).OrderBy(_ => random.Next()).Take((int)Math.Round(Runs * OutageShare)).ToHashSet();
        var epoch = new DateTimeOffset(2025, 6, 2, 6, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;
        for (var run = 1; run <= Runs; run++)
        {
            var runId = $"ci-{seed}-{run:000}";
            var runStart = epoch + (run * 5_400_000_000_000L);
            var executions = simulator.Simulate(runStart, outages.Contains(run));
            foreach (var failed in executions.Where(e => e.Failed && e.Test.Behavior == SampleBehavior.Unavailable503).ToList())
            {
                executions.Add(simulator.Retry(failed));
            }

            var runDirectory = Path.Combine(directory, $"run-{run:000}");
            Directory.CreateDirectory(runDirectory);
            using var services = new StreamWriter(Path.Combine(runDirectory, "otelcol-export.jsonl"));
            var factory = new SampleSpanFactory(random, runId, 4000 + random.Next(5000)) { Noise = true };
            WriteProcess(Path.Combine(runDirectory, $"Shop.Tests.{runId}.otlp.jsonl"), Resource("Shop.Tests", runId, ".NET", "10.0.0", null), executions, factory, services, random);
            foreach (var runtime in CiHistoryCatalog.Runtimes)
            {
                var cursor = runStart + 5_000_000;
                var onRuntime = new List<SimulatedExecution>();
                foreach (var test in CiHistoryCatalog.InteropTests)
                {
                    var execution = simulator.OnRuntime(test, runtime, cursor);
                    cursor = execution.EndNanos + 1_000_000;
                    onRuntime.Add(execution);
                }

                // One runtime names itself by name and version, the other by its description only.
                var resource = runtime == CiHistoryCatalog.BrokenRuntime
                    ? Resource(CiHistoryCatalog.Interop, runId, ".NET", "8.0.11", null)
                    : Resource(CiHistoryCatalog.Interop, runId, null, null, ".NET 10.0.0-rc.2.25502.107");
                var interopFactory = new SampleSpanFactory(random, runId, 10000 + random.Next(5000)) { Noise = true };
                WriteProcess(Path.Combine(runDirectory, $"{CiHistoryCatalog.Interop}.{runtime.Replace(' ', '-')}.otlp.jsonl"), resource, onRuntime, interopFactory, services, random);
            }
        }
    }

    private void WriteProcess(string file, List<KeyValuePair<string, object>> resource, List<SimulatedExecution> executions, SampleSpanFactory factory, StreamWriter services, Random random)
    {
        using var tests = new StreamWriter(file);
        var serviceResource = Resource("warehouse-and-friends", null, null, null, null);
        foreach (var execution in executions.OrderBy(e => e.EndNanos))
        {
            var children = factory.Children(execution);
            var server = children.Where(s => s.Kind == 2).ToList();
            var late = children.Where(s => s.Kind != 2 && s.EndNanos > execution.EndNanos).ToList();
            var inProcess = children.Where(s => s.Kind != 2 && s.EndNanos <= execution.EndNanos).ToList();
            if (server.Count > 0)
            {
                var owned = server.Concat(server.Where(s => s.Name == "GET /api/bins/{id}").Select(s => Query(s, random))).ToList();
                services.WriteLine(_writer.Line(serviceResource, owned));
                if (random.NextDouble() < 0.3)
                {
                    inProcess.AddRange(server);
                }
            }

            tests.WriteLine(_writer.Line(resource, [.. inProcess, factory.TestSpan(execution)]));
            if (late.Count > 0)
            {
                tests.WriteLine(_writer.Line(resource, late));
            }
        }
    }

    /// <summary>The warehouse service's own database span under its server span.</summary>
    private static SampleSpan Query(SampleSpan server, Random random)
    {
        var id = new byte[8];
        random.NextBytes(id);
        return new SampleSpan(server.TraceId, Convert.ToHexStringLower(id), server.SpanId, "SELECT bins", 3, server.StartNanos + 100_000, server.EndNanos - 100_000, "Npgsql");
    }

    private List<KeyValuePair<string, object>> Resource(string serviceName, string? runId, string? runtimeName, string? runtimeVersion, string? runtimeDescription)
    {
        var resource = new List<KeyValuePair<string, object>>
        {
            new("service.name", serviceName),
            new("host.name", "ci-runner-7"),
            new("vcs.ref.head.revision", Commit),
        };
        if (runId is not null)
        {
            resource.Add(new("test.run.id", runId));
        }

        if (runtimeName is not null)
        {
            resource.Add(new("process.runtime.name", runtimeName));
            resource.Add(new("process.runtime.version", runtimeVersion!));
        }

        if (runtimeDescription is not null)
        {
            resource.Add(new("process.runtime.description", runtimeDescription));
        }

        return resource;
    }
}
