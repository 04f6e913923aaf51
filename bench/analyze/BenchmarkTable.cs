using System.Diagnostics;
using System.Globalization;

namespace FlakyTrace.Bench.Analyze;

/// <summary>Runs each measurement in a fresh process of this program and prints the figures and ratios.</summary>
internal static class BenchmarkTable
{
    public static int Run(string directory)
    {
        var cores = Environment.ProcessorCount;
        var load = LoadAverage();
        Measure("tokenize", directory, cores); // warm-up: bring the files into the page cache
        var tokenizeOne = Measure("tokenize", directory, 1);
        var tokenizeAll = Measure("tokenize", directory, cores);
        var analyzeOne = Measure("analyze", directory, 1);
        var analyzeAll = Measure("analyze", directory, cores);
        var analyzeTiered = Measure("analyze", directory, 1, tiered: true);

        Console.WriteLine();
        Console.WriteLine($"input: {Number(analyzeAll, "bytes") / 1e6:N0} MB, {Number(analyzeAll, "spans"):N0} spans, {Number(analyzeAll, "executions"):N0} test executions; {cores} cores; load average at start: {load}");
        Console.WriteLine($"{"measurement",-24} {"MB/s",8} {"spans/s",11} {"MB/cpu-s",9} {"peak MB",8}");
        foreach (var (name, figures) in new[] { ("tokenize, 1 thread", tokenizeOne), ($"tokenize, {cores} threads", tokenizeAll), ("analyze, 1 thread", analyzeOne), ($"analyze, {cores} threads", analyzeAll), ("analyze, 1, tiered JIT", analyzeTiered) })
        {
            var spans = figures.TryGetValue("spans", out var s) ? (double.Parse(s, CultureInfo.InvariantCulture) / Number(figures, "seconds")).ToString("N0", CultureInfo.InvariantCulture) : "-";
            Console.WriteLine($"{name,-24} {Number(figures, "mbps"),8:N1} {spans,11} {PerCpuSecond(figures),9:N1} {Number(figures, "peakMB"),8:N0}");
        }

        // Per core: wall-clock MB/s divided by the cores used; and, robust to other processes
        // competing for the cores, MB per CPU-second actually consumed.
        var limit = Number(tokenizeOne, "mbps");
        var limitCpu = PerCpuSecond(tokenizeOne);
        Console.WriteLine();
        Console.WriteLine($"ratio analyze/tokenize per core, 1 thread:        wall {Number(analyzeOne, "mbps") / limit:0.00}   cpu {PerCpuSecond(analyzeOne) / limitCpu:0.00}");
        Console.WriteLine($"ratio analyze/tokenize per core, {cores} threads:       wall {Number(analyzeAll, "mbps") / cores / limit:0.00}   cpu {PerCpuSecond(analyzeAll) / limitCpu:0.00}");
        // Reading alone (files to test executions), the part the goal is about; the analysis that
        // follows works on executions, not bytes.
        Console.WriteLine($"ratio read/tokenize per core, 1 thread:           wall {ReadMbps(analyzeOne) / limit:0.00}   cpu {ReadPerCpuSecond(analyzeOne) / limitCpu:0.00}");
        Console.WriteLine($"ratio read/tokenize per core, {cores} threads:          wall {ReadMbps(analyzeAll) / cores / limit:0.00}   cpu {ReadPerCpuSecond(analyzeAll) / limitCpu:0.00}   (goal >= 0.67)");
        Console.WriteLine($"ratio read/tokenize per core, 1 thread, tiered JIT: wall {ReadMbps(analyzeTiered) / limit:0.00}   cpu {ReadPerCpuSecond(analyzeTiered) / limitCpu:0.00}   (the runtime's default, not flakytrace's)");
        Console.WriteLine($"speed-up of analyze with {cores} threads: {Number(analyzeAll, "mbps") / Number(analyzeOne, "mbps"):0.00}x (tokenize: {Number(tokenizeAll, "mbps") / limit:0.00}x)");
        return 0;
    }

    private static Dictionary<string, string> Measure(string mode, string directory, int threads, bool tiered = false)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (mode == "analyze" && !tiered)
        {
            // As flakytrace runs it: FlakyTrace.Cli.csproj turns tiered compilation off. Tokenizing
            // keeps the runtime's default, under which Utf8JsonReader is at its fastest.
            start.Environment["DOTNET_TieredCompilation"] = "0";
        }

        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchmarkTable).Assembly.Location);
        }

        foreach (var argument in new[] { mode, directory, threads.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var line = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        Console.WriteLine(line);
        return line.Split(' ').Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
    }

    private static double ReadMbps(Dictionary<string, string> figures) => Number(figures, "bytes") / 1e6 / Number(figures, "readSeconds");

    private static double ReadPerCpuSecond(Dictionary<string, string> figures) => Number(figures, "bytes") / 1e6 / Number(figures, "readCpuSeconds");

    private static double PerCpuSecond(Dictionary<string, string> figures) => Number(figures, "bytes") / 1e6 / Number(figures, "cpuSeconds");

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static double Number(Dictionary<string, string> figures, string key) => double.Parse(figures[key], CultureInfo.InvariantCulture);
}
