using System.Diagnostics;
using System.Globalization;
using FlakyTrace.Bench.WebApp;

// Usage: FlakyTrace.Bench.WebApp [requests per round = 20000] [rounds = 7]
// Each round runs every mode once, in turn, on a fresh host: N sequential GETs, each inside a
// test Activity, after 1,000 unmeasured ones. Prints the median time and allocation per request.
var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
var testSource = new ActivitySource("FlakyTrace.Test");
var micros = Enum.GetValues<BenchMode>().ToDictionary(m => m, _ => new List<double>());
var bytes = Enum.GetValues<BenchMode>().ToDictionary(m => m, _ => new List<double>());

for (var round = 0; round < rounds; round++)
{
    foreach (var mode in Enum.GetValues<BenchMode>())
    {
        await using var server = await InMemoryServer.StartAsync(mode);
        await RunAsync(server.Client, 1_000);
        server.ResetCount();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await RunAsync(server.Client, requests);
        clock.Stop();
        micros[mode].Add(clock.Elapsed.TotalMicroseconds / requests);
        bytes[mode].Add((GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)requests);
        Console.WriteLine($"round {round + 1} {mode,-9} {micros[mode][^1],8:F1} us/request {bytes[mode][^1],8:F0} B/request  server spans under the test: {server.ServerSpansWithParent}/{requests}");
    }
}

var median = micros.ToDictionary(p => p.Key, p => Median(p.Value));
Console.WriteLine();
Console.WriteLine($"medians of {rounds} rounds x {requests} requests:");
foreach (var mode in Enum.GetValues<BenchMode>())
{
    Console.WriteLine($"  {mode,-9} {median[mode],8:F1} us/request {Median(bytes[mode]),8:F0} B/request");
}

Console.WriteLine($"  Followed / Listener = {median[BenchMode.Followed] / median[BenchMode.Listener]:F2}x ({median[BenchMode.Followed] - median[BenchMode.Listener]:+0.0;-0.0} us/request: the mechanism)");
Console.WriteLine($"  Followed / Untraced = {median[BenchMode.Followed] / median[BenchMode.Untraced]:F2}x");

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
