using System.Diagnostics;
using System.Globalization;
using FlakyTrace.Bench.WebApp;

// Usage: FlakyTrace.Bench.WebApp [requests per round = 20000] [rounds = 7]
// Each round runs every mode once, in turn, on a fresh host: N sequential GETs, each inside a
// test Activity, after 1,000 unmeasured ones. Measures wall time, process CPU time (all threads:
// less sensitive to other processes on a shared machine) and allocation per request, and prints
// medians and the median of the per-round ratios (modes of one round ran back to back).
var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
var modes = Enum.GetValues<BenchMode>();
var testSource = new ActivitySource("FlakyTrace.Test");
var wall = modes.ToDictionary(m => m, _ => new List<double>());
var cpu = modes.ToDictionary(m => m, _ => new List<double>());
var bytes = modes.ToDictionary(m => m, _ => new List<double>());

for (var round = 0; round < rounds; round++)
{
    foreach (var mode in modes)
    {
        await using var server = await InMemoryServer.StartAsync(mode);
        await RunAsync(server.Client, 1_000);
        server.ResetCount();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await RunAsync(server.Client, requests);
        clock.Stop();
        wall[mode].Add(clock.Elapsed.TotalMicroseconds / requests);
        cpu[mode].Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / requests);
        bytes[mode].Add((GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)requests);
        Console.WriteLine($"round {round + 1} {mode,-9} wall {wall[mode][^1],6:F1} us  cpu {cpu[mode][^1],6:F1} us  {bytes[mode][^1],6:F0} B per request;  server spans under the test: {server.ServerSpansWithParent}/{requests}");
    }
}

Console.WriteLine();
Console.WriteLine($"medians of {rounds} rounds x {requests} requests (per request):");
foreach (var mode in modes)
{
    Console.WriteLine($"  {mode,-9} wall {Median(wall[mode]),6:F1} us  cpu {Median(cpu[mode]),6:F1} us  {Median(bytes[mode]),6:F0} B");
}

Report("Followed / Listener (the mechanism)", BenchMode.Followed, BenchMode.Listener);
Report("Followed / Untraced (FlakyTrace's whole in-app cost)", BenchMode.Followed, BenchMode.Untraced);

void Report(string label, BenchMode a, BenchMode b)
{
    double RatioOf(Dictionary<BenchMode, List<double>> m) => Median(m[a].Zip(m[b], (x, y) => x / y).ToList());
    Console.WriteLine($"  {label}: wall {RatioOf(wall):F2}x, cpu {RatioOf(cpu):F2}x ({Median(cpu[a]) - Median(cpu[b]):+0.0;-0.0} us), allocation {Median(bytes[a]) - Median(bytes[b]):+0;-0} B");
}

async Task RunAsync(HttpClient client, int count)
{
    for (var i = 0; i < count; i++)
    {
        Activity.Current = null;
        using var test = testSource.StartActivity("test");
        using var response = await client.GetAsync("/");
        await response.Content.ReadAsStringAsync();
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
