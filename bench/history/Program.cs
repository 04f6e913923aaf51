using System.Diagnostics;
using FlakyCollector.Analysis.History;
using FlakyTrace.Bench.History;

// Usage: FlakyTrace.Bench.History OUTPUT_DIR [--tests 5000] [--runs 1000]
// Writes OUTPUT_DIR/history.jsonl holding runs 0..runs-2, and OUTPUT_DIR/run-last/ with the last
// run's trace file: run.sh then times `flakytrace history add` and `flakytrace gate` on them.
var output = args.Length > 0 ? args[0] : "artifacts/bench-history";
var tests = Option("--tests", 5000);
var runs = Option("--runs", 1000);
var batch = Option("--batch", 50);
var suite = new SuiteModel(tests, 1);
Directory.CreateDirectory(output);
var lastRun = Path.Combine(output, "run-last");
Directory.CreateDirectory(lastRun);
var history = new TestHistory();
var clock = Stopwatch.StartNew();

// The history is built by the library in batches, from executions made in memory: the same code
// path as `history add` after reading, without writing and reading 999 runs' trace files. The last
// run goes through the real CLI from a real trace file (run.sh).
for (var first = 0; first < runs - 1; first += batch)
{
    var last = Math.Min(runs - 1, first + batch);
    history.Add(RunExecutions.Of(suite, first, last));
    Console.Error.WriteLine($"{last} runs in the history ({clock.Elapsed.TotalSeconds:0} s)");
}

var file = Path.Combine(output, "history.jsonl");
HistoryFileWriter.Write(history, file);
RunTraceWriter.Write(suite, runs - 1, Path.Combine(lastRun, "run-last.otlp.jsonl"));
Console.WriteLine($"history: {history.RunCount} runs ({history.DetailedRunCount} in detail), {history.TestCount} tests, {new FileInfo(file).Length:N0} bytes at {file}");
Console.WriteLine($"last run: {new FileInfo(Path.Combine(lastRun, "run-last.otlp.jsonl")).Length:N0} bytes at {lastRun}");

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
