// ResultProperty: what does ONE extra string TestProperty on a VSTest TestResult cost in vstest's own
// testhost <-> vstest.console JSON (JsonDataSerializer, protocol version 7)?
//
//   (a) testhost side:        JsonDataSerializer.Instance.SerializePayload("TestExecution.StatsChange", args, 7)
//                             (what TestRequestHandler.SendTestRunStatistics does)
//   (b) vstest.console side:  DeserializeMessage(raw) + DeserializePayload<TestRunChangedEventArgs>(msg)
//                             (what TestRequestSender.OnExecutionMessageReceived does)
//
// Variants, all otherwise identical:
//   Base : typical xUnit trivial passing test result
//   Prop : + TestProperty "FlakyTrace.Execution" (string, owner TestResult) with a ~110-char compact JSON value
//   Msg  : + the same ~110-char value as a TestResultMessage(StandardOutCategory) in TestResult.Messages
//
// Usage: bench/collector/result-property.sh [--batch 10] [--reps 7] [--results 20000] [--warmup 20000]
using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.VisualStudio.TestPlatform.CommunicationUtilities;
using Microsoft.VisualStudio.TestPlatform.CommunicationUtilities.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;

internal static class Program
{
    private const int ProtocolVersion = 7;
    private const string PropId = "FlakyTrace.Execution";
    private static readonly string[] VariantNames = ["Base", "Prop", "Msg"];

    private static readonly TestProperty FlakyProp =
        TestProperty.Register(PropId, PropId, typeof(string), typeof(TestResult));

    private static long s_sink;

    private static int Main(string[] args)
    {
        int batch = Arg(args, "--batch", 10);
        int reps = Arg(args, "--reps", 7);
        int resultsPerRep = Arg(args, "--results", 20_000);
        int warmupResults = Arg(args, "--warmup", 20_000);
        const int poolMessages = 64; // distinct pre-built messages per variant, cycled

        int messagesPerRep = Math.Max(1, resultsPerRep / batch);
        int warmupMessages = Math.Max(1, warmupResults / batch);
        double resultsPerRepD = (double)messagesPerRep * batch;

        var ser = JsonDataSerializer.Instance;
        var asm = typeof(JsonDataSerializer).Assembly;
        Console.WriteLine($"ResultProperty  .NET {Environment.Version}  {RuntimeInformation.OSDescription}  cores={Environment.ProcessorCount}");
        Console.WriteLine($"CommunicationUtilities {asm.GetName().Version} ({FileVersionInfo.GetVersionInfo(asm.Location).ProductVersion}) from {Path.GetFileName(Path.GetDirectoryName(asm.Location))}");
        Console.WriteLine($"ObjectModel {typeof(TestResult).Assembly.GetName().Version}, Newtonsoft.Json {Type.GetType("Newtonsoft.Json.JsonConvert, Newtonsoft.Json")?.Assembly.GetName().Version}");
        Console.WriteLine($"GC: server={System.Runtime.GCSettings.IsServerGC} latency={System.Runtime.GCSettings.LatencyMode}; Debugger.IsAttached={Debugger.IsAttached}; " +
                          $"optimized={!IsDebugBuild()}");
        Console.WriteLine($"protocol v{ProtocolVersion}, batch={batch} results/message, reps={reps}, {messagesPerRep * batch} results/rep/variant, warmup={warmupMessages * batch} results/variant");
        if (IsDebugBuild()) Console.WriteLine("WARNING: this is a Debug build; numbers are meaningless. Use -c Release.");

        // ---- build inputs --------------------------------------------------------------------------
        var pools = new TestRunChangedEventArgs[3][];
        var raws = new string[3][];
        for (int v = 0; v < 3; v++)
        {
            pools[v] = new TestRunChangedEventArgs[poolMessages];
            raws[v] = new string[poolMessages];
            for (int m = 0; m < poolMessages; m++)
            {
                pools[v][m] = BuildMessage(v, m, batch);
                raws[v][m] = ser.SerializePayload(MessageType.TestRunStatsChange, pools[v][m], ProtocolVersion);
            }
        }

        string samplePayload = TracePayload(0);
        Console.WriteLine($"extra payload: {samplePayload.Length} chars, e.g. {samplePayload}");
        Verify(ser, raws, batch, samplePayload);

        Directory.CreateDirectory("out");
        for (int v = 0; v < 3; v++)
        {
            File.WriteAllText(Path.Combine("out", $"sample-{VariantNames[v]}-1result.json"),
                ser.SerializePayload(MessageType.TestRunStatsChange, BuildMessage(v, 0, 1), ProtocolVersion));
        }

        double[] avgLen = new double[3];
        for (int v = 0; v < 3; v++) avgLen[v] = raws[v].Average(r => (double)r.Length);

        // ---- warm-up -------------------------------------------------------------------------------
        for (int v = 0; v < 3; v++)
        {
            RunSer(ser, pools[v], warmupMessages);
            RunDeser(ser, raws[v], warmupMessages);
        }
        Thread.Sleep(500); // let background tier-1 JIT finish
        for (int v = 0; v < 3; v++)
        {
            RunSer(ser, pools[v], warmupMessages / 4);
            RunDeser(ser, raws[v], warmupMessages / 4);
        }

        // ---- measure: alternate variants, rotating the order every rep -------------------------------
        // [op 0=ser 1=deser][variant][rep]
        var wall = new double[2, 3, reps];
        var tcpu = new double[2, 3, reps];
        var pcpu = new double[2, 3, reps];
        var bytes = new double[2, 3, reps];
        var gcs = new double[2, 3, reps];
        var proc = Process.GetCurrentProcess();
        var total = Stopwatch.StartNew();
        var pcpuStart = ProcCpu(proc);

        for (int r = 0; r < reps; r++)
        {
            for (int op = 0; op < 2; op++)
            {
                for (int k = 0; k < 3; k++)
                {
                    int v = (k + r) % 3;
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                    GC.WaitForPendingFinalizers();
                    int g0 = GC.CollectionCount(0);
                    TimeSpan p0 = ProcCpu(proc);
                    long t0 = ThreadCpuNs();
                    long a0 = GC.GetAllocatedBytesForCurrentThread();
                    long w0 = Stopwatch.GetTimestamp();
                    if (op == 0) RunSer(ser, pools[v], messagesPerRep);
                    else RunDeser(ser, raws[v], messagesPerRep);
                    long w1 = Stopwatch.GetTimestamp();
                    long a1 = GC.GetAllocatedBytesForCurrentThread();
                    long t1 = ThreadCpuNs();
                    TimeSpan p1 = ProcCpu(proc);
                    int g1 = GC.CollectionCount(0);

                    wall[op, v, r] = Stopwatch.GetElapsedTime(w0, w1).TotalNanoseconds / resultsPerRepD;
                    tcpu[op, v, r] = (t1 - t0) / resultsPerRepD;
                    pcpu[op, v, r] = (p1 - p0).TotalNanoseconds / resultsPerRepD;
                    bytes[op, v, r] = (a1 - a0) / resultsPerRepD;
                    gcs[op, v, r] = g1 - g0;
                }
            }
        }

        total.Stop();
        var pcpuTotal = ProcCpu(proc) - pcpuStart;

        // ---- report --------------------------------------------------------------------------------
        Console.WriteLine();
        Console.WriteLine($"Serialised message length (chars, avg over {poolMessages} messages of {batch} results):");
        for (int v = 0; v < 3; v++)
        {
            Console.WriteLine($"  {VariantNames[v],-5} {avgLen[v],9:F1} per message   {avgLen[v] / batch,8:F1} per result" +
                              (v == 0 ? "" : $"   (+{(avgLen[v] - avgLen[0]) / batch:F1} per result vs Base)"));
        }

        Console.WriteLine();
        Console.WriteLine($"Per-RESULT medians over {reps} reps (batch of {batch} results per StatsChange message):");
        Console.WriteLine("  side/op                variant   wall ns   threadCPU ns   procCPU ns   alloc B   (min-max wall ns)   gen0 GCs/rep");
        string[] opNames = ["testhost   serialise", "console  deserialise"];
        for (int op = 0; op < 2; op++)
        {
            for (int v = 0; v < 3; v++)
            {
                Console.WriteLine($"  {opNames[op]}   {VariantNames[v],-5} {Med(wall, op, v),9:F0} {Med(tcpu, op, v),14:F0} {Med(pcpu, op, v),12:F0} {Med(bytes, op, v),9:F0}   ({Min(wall, op, v),6:F0}-{Max(wall, op, v),6:F0})   {Med(gcs, op, v),6:F0}");
            }
        }

        Console.WriteLine();
        Console.WriteLine("Differences vs Base (median of per-rep paired differences, per result):");
        Console.WriteLine("  side/op                variant   wall ns   threadCPU ns   procCPU ns   alloc B   (rel. threadCPU)");
        for (int op = 0; op < 2; op++)
        {
            for (int v = 1; v < 3; v++)
            {
                double dw = MedDiff(wall, op, v), dt = MedDiff(tcpu, op, v), dp = MedDiff(pcpu, op, v), db = MedDiff(bytes, op, v);
                Console.WriteLine($"  {opNames[op]}   {VariantNames[v]}-B {dw,+9:+0;-0} {dt,+14:+0;-0} {dp,+12:+0;-0} {db,+9:+0;-0}   ({100 * dt / Med(tcpu, op, 0):+0.0;-0.0}%)");
            }
        }

        Console.WriteLine();
        Console.WriteLine("Both sides together, per result (threadCPU ns / alloc B):");
        for (int v = 0; v < 3; v++)
        {
            double c = Med(tcpu, 0, v) + Med(tcpu, 1, v), b = Med(bytes, 0, v) + Med(bytes, 1, v);
            Console.WriteLine($"  {VariantNames[v],-5} {c,8:F0} ns  {b,8:F0} B" +
                              (v == 0 ? "" : $"   delta {MedDiff(tcpu, 0, v) + MedDiff(tcpu, 1, v),+6:+0;-0} ns  {MedDiff(bytes, 0, v) + MedDiff(bytes, 1, v),+6:+0;-0} B"));
        }

        Console.WriteLine();
        Console.WriteLine($"measured phase: wall {total.Elapsed.TotalSeconds:F2} s, process CPU {pcpuTotal.TotalSeconds:F2} s; total process CPU {ProcCpu(proc).TotalSeconds:F2} s (sink {s_sink & 0xff})");
        return 0;
    }

    // ---------------------------------------------------------------------------------------------

    private static void RunSer(JsonDataSerializer ser, TestRunChangedEventArgs[] pool, int messages)
    {
        long sink = 0;
        for (int i = 0; i < messages; i++)
        {
            string s = ser.SerializePayload(MessageType.TestRunStatsChange, pool[i % pool.Length], ProtocolVersion);
            sink += s.Length;
        }
        s_sink += sink;
    }

    private static void RunDeser(JsonDataSerializer ser, string[] raws, int messages)
    {
        long sink = 0;
        for (int i = 0; i < messages; i++)
        {
            Message message = ser.DeserializeMessage(raws[i % raws.Length]);
            TestRunChangedEventArgs? args = ser.DeserializePayload<TestRunChangedEventArgs>(message);
            sink += args!.TestRunStatistics!.ExecutedTests;
        }
        s_sink += sink;
    }

    /// <summary>One StatsChange payload as BaseRunTests.OnCacheHit builds it: stats + batch of results + in-progress tests.</summary>
    private static TestRunChangedEventArgs BuildMessage(int variant, int messageIndex, int batch)
    {
        var results = new List<TestResult>(batch);
        for (int j = 0; j < batch; j++)
        {
            int n = messageIndex * batch + j;
            results.Add(BuildResult(variant, n));
        }

        long executed = (long)(messageIndex + 1) * batch;
        var stats = new TestRunStatistics(executed, new Dictionary<TestOutcome, long> { [TestOutcome.Passed] = executed });
        // xUnit calls RecordStart, so the next test is typically in progress when the cache flushes.
        var active = new List<TestCase> { BuildTestCase(messageIndex * batch + batch) };
        return new TestRunChangedEventArgs(stats, results, active);
    }

    private static TestCase BuildTestCase(int n)
    {
        string fqn = $"Bench.Tests.Class{n / 1000 % 100:D2}.Test_{n % 1000:D4}";
        return new TestCase(fqn, new Uri("executor://xunit/VsTestRunner2/netcoreapp"), "/tmp/bench/bin/Bench.Tests.dll")
        {
            DisplayName = fqn,
            CodeFilePath = null,
        };
    }

    private static readonly DateTimeOffset BaseTime = new(2025, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static TestResult BuildResult(int variant, int n)
    {
        var tc = BuildTestCase(n);
        var start = BaseTime.AddTicks(n * 15_000L);
        var duration = TimeSpan.FromTicks(10_000 + n % 5_000); // ~1 ms
        var result = new TestResult(tc)
        {
            DisplayName = tc.DisplayName, // xunit.runner.visualstudio sets the result DisplayName too
            Outcome = TestOutcome.Passed,
            Duration = duration,
            StartTime = start,
            EndTime = start + duration,
            ComputerName = "bench-host-01",
        };
        switch (variant)
        {
            case 1:
                result.SetPropertyValue(FlakyProp, TracePayload(n));
                break;
            case 2:
                result.Messages.Add(new TestResultMessage(TestResultMessage.StandardOutCategory, TracePayload(n)));
                break;
        }
        return result;
    }

    /// <summary>~110-char compact JSON, unique per result (W3C-style trace id / span id + begin/end ticks).</summary>
    private static string TracePayload(int n)
    {
        ulong h1 = Mix((ulong)n * 2 + 1), h2 = Mix((ulong)n * 2 + 2), h3 = Mix((ulong)n * 2 + 1_000_003);
        long b = 638690000000000000L + n * 15_000L;
        long e = b + 12_345;
        return $"{{\"v\":1,\"t\":\"{h1:x16}{h2:x16}\",\"s\":\"{h3:x16}\",\"b\":{b},\"e\":{e},\"k\":\"h\"}}";
    }

    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static void Verify(JsonDataSerializer ser, string[][] raws, int batch, string samplePayload)
    {
        for (int v = 0; v < 3; v++)
        {
            var msg = ser.DeserializeMessage(raws[v][0]);
            var args = ser.DeserializePayload<TestRunChangedEventArgs>(msg)!;
            var results = args.NewTestResults!.ToList();
            if (msg.MessageType != MessageType.TestRunStatsChange || results.Count != batch)
                throw new InvalidOperationException($"{VariantNames[v]}: bad round trip ({msg.MessageType}, {results.Count})");
            var r0 = results[0];
            if (r0.Outcome != TestOutcome.Passed || r0.TestCase.FullyQualifiedName != "Bench.Tests.Class00.Test_0000" || r0.Duration.Ticks == 0)
                throw new InvalidOperationException($"{VariantNames[v]}: result fields did not round-trip");
            var prop = r0.Properties.FirstOrDefault(p => p.Id == PropId);
            string? propVal = prop is null ? null : r0.GetPropertyValue(prop) as string;
            string? msgVal = r0.Messages.FirstOrDefault()?.Text;
            bool ok = v switch
            {
                0 => prop is null && r0.Messages.Count == 0,
                1 => propVal == samplePayload && r0.Messages.Count == 0,
                _ => prop is null && msgVal == samplePayload && r0.Messages[0].Category == TestResultMessage.StandardOutCategory,
            };
            if (!ok) throw new InvalidOperationException($"{VariantNames[v]}: extra data did not round-trip (prop={propVal}, msg={msgVal})");
        }
        Console.WriteLine($"round-trip check OK (property value and StdOut message text survive; message category \"{TestResultMessage.StandardOutCategory}\")");
    }

    // ---- helpers --------------------------------------------------------------------------------

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec { public long tv_sec; public long tv_nsec; }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clk, out Timespec ts);

    private static long ThreadCpuNs()
    {
        const int CLOCK_THREAD_CPUTIME_ID = 3;
        if (!OperatingSystem.IsLinux() || clock_gettime(CLOCK_THREAD_CPUTIME_ID, out var ts) != 0) return 0;
        return ts.tv_sec * 1_000_000_000L + ts.tv_nsec;
    }

    private static TimeSpan ProcCpu(Process p) { p.Refresh(); return p.TotalProcessorTime; }

    private static double Med(double[,,] a, int op, int v) => Median(Enumerable.Range(0, a.GetLength(2)).Select(r => a[op, v, r]));
    private static double Min(double[,,] a, int op, int v) => Enumerable.Range(0, a.GetLength(2)).Min(r => a[op, v, r]);
    private static double Max(double[,,] a, int op, int v) => Enumerable.Range(0, a.GetLength(2)).Max(r => a[op, v, r]);
    private static double MedDiff(double[,,] a, int op, int v) => Median(Enumerable.Range(0, a.GetLength(2)).Select(r => a[op, v, r] - a[op, 0, r]));

    private static double Median(IEnumerable<double> xs)
    {
        var s = xs.OrderBy(x => x).ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    private static int Arg(string[] args, string name, int dflt)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : dflt;
    }

    private static bool IsDebugBuild() =>
        typeof(Program).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)
            .OfType<DebuggableAttribute>().Any(d => d.IsJITOptimizerDisabled);
}
