using System.Diagnostics;
using System.Globalization;
using FlakyCollector.Recording;
using FlakyTrace.Bench.DbLogs;
using SourceFilter = FlakyCollector.Recording.SourceFilter;

// Usage: FlakyTrace.Bench.DbLogs [operations per round = 4000] [rounds = 7]
// Per round, each operation (an EF Core query over in-memory SQLite; an ILogger call with a
// template) runs untraced, then with FlakyTrace's recorder in the process, back to back, after a
// warm-up of each. Prints the median per operation of wall time, process CPU time and allocation,
// side by side, and the median of the per-round ratios. Recorded runs take each test's recording
// as the front ends do, so the span conversion and the log copies are in the figure.
var operations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 4_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
using var work = new Workloads();
var results = new Dictionary<string, List<(double Wall, double Cpu, double Bytes)>>();
long spans = 0, records = 0;

for (var round = 0; round < rounds; round++)
{
    foreach (var (name, run) in new (string, Action<int, Action<string>>)[] { ("query", work.Queries), ("log", work.Logs) })
    {
        Measure($"{name} untraced", count => run(count, _ => { }));
        using (var recorder = new ActivityRecorder(new SourceFilter(TestActivityNames.DefaultSources)))
        {
            Measure($"{name} recorded", count => run(count, key =>
            {
                var recording = ExecutionRecording.From(recorder.TakeEnded(key, withRetries: true), "hook", recorder.Detached.Drain());
                spans += recording.Children.Count;
                records += recording.Logs.Count;
            }));
        }
    }
}

Console.WriteLine();
Console.WriteLine($"medians of {rounds} rounds x {operations} operations, per operation ({spans} DB spans and {records} log records recorded in all):");
foreach (var name in new[] { "query", "log" })
{
    var untraced = results[$"{name} untraced"];
    var recorded = results[$"{name} recorded"];
    double Ratio(Func<(double Wall, double Cpu, double Bytes), double> pick) => Median(untraced.Zip(recorded, (u, r) => pick(r) / pick(u)).ToList());
    Console.WriteLine($"  {name,-5} untraced wall {Median(untraced.Select(r => r.Wall)),7:F1} us  cpu {Median(untraced.Select(r => r.Cpu)),7:F1} us  {Median(untraced.Select(r => r.Bytes)),6:F0} B"
        + $"   recorded wall {Median(recorded.Select(r => r.Wall)),7:F1} us  cpu {Median(recorded.Select(r => r.Cpu)),7:F1} us  {Median(recorded.Select(r => r.Bytes)),6:F0} B"
        + $"   ratio wall {Ratio(r => r.Wall):F2}x cpu {Ratio(r => r.Cpu):F2}x;"
        + $" +{Median(recorded.Select(r => r.Cpu)) - Median(untraced.Select(r => r.Cpu)):0.0} us cpu, +{Median(recorded.Select(r => r.Bytes)) - Median(untraced.Select(r => r.Bytes)):0} B per {name}");
}

void Measure(string label, Action<int> run)
{
    run(400);
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    run(operations);
    clock.Stop();
    var sample = (clock.Elapsed.TotalMicroseconds / operations,
        (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / operations,
        (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)operations);
    (results.TryGetValue(label, out var list) ? list : results[label] = []).Add(sample);
    Console.WriteLine($"{label,-16} wall {sample.Item1,7:F1} us  cpu {sample.Item2,7:F1} us  {sample.Item3,6:F0} B");
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
