// Usage: FlakyTrace.Bench.TraceApi <plain|api|listening> <http|none> <tests>
// plain: nothing listens (a process whose tests do not use the API); api: every test reads
// TestTrace.Current and asserts on its spans; listening: one earlier test used the API, these do not.
// Prints the mean microseconds per test after a warm-up.
using System.Diagnostics;
using System.Globalization;
using FlakyCollector.Testing;
using FlakyTrace.Bench.TraceApi;

var mode = args[0];
var work = args[1];
var tests = int.Parse(args[2], CultureInfo.InvariantCulture);

using var server = new LoopbackServer();
using var client = work == "http" ? new HttpClient { BaseAddress = server.BaseAddress } : null;
if (mode == "listening")
{
    TestTrace.Listen();
}

var test = new SimulatedTest(client, usesApi: mode == "api");
for (var i = 0; i < Math.Min(500, tests); i++)
{
    await test.RunAsync();
}

var stopwatch = Stopwatch.StartNew();
for (var i = 0; i < tests; i++)
{
    await test.RunAsync();
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stopwatch.Elapsed.TotalMicroseconds / tests:0.00}"));
