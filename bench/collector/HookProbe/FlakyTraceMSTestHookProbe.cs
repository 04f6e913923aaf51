// The MSTest hook the package compiles into a test assembly (build/hooks/FlakyTraceMSTestHook.cs),
// with a clock read between its steps; bench/collector/hook-probe.sh builds it into a suite that
// has <FlakyTraceHook>false</FlakyTraceHook>, so this is the only hook. FLAKYTRACE_PROBE_FIRST
// puts one more activity before the hook's own, to tell what the first activity of a test pays
// from what any activity pays: "bare" (new Activity().Start(), no source, no listener), "source"
// (a source of its own with a listener that does nothing), or nothing. At the end it appends one
// line of microseconds a test per step to FLAKYTRACE_PROBE_OUT.
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

[assembly: FlakyCollector.Hooks.FlakyTraceMSTestHookPresent]

namespace FlakyCollector.Hooks
{
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
    internal sealed class FlakyTraceMSTestHookPresentAttribute : Attribute
    {
    }

    [TestClass]
    public static class FlakyTraceMSTestHookProbe
    {
        private const string SourceName = "FlakyTrace.Test";
        private const string KeyTag = "flakytrace.test.key";
        private const string OutcomeTag = "flakytrace.test.outcome";
        private static readonly string[] Steps = ["key", "first", "start", "tag+file", "take", "outcome", "stop"];

        private static readonly ActivitySource Source = new(SourceName);
        private static readonly ActivitySource ProbeSource = new("FlakyTrace.Probe");
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<TestContext, Activity> Running = new();
        private static readonly string First = Environment.GetEnvironmentVariable("FLAKYTRACE_PROBE_FIRST") ?? "none";
        private static readonly string[] OutcomeNames = new string[16];
        private static readonly long[] Ticks = new long[Steps.Length];
        private static long tests;

        static FlakyTraceMSTestHookProbe()
        {
            ActivitySource.AddActivityListener(new ActivityListener
            {
                ShouldListenTo = s => s.Name == "FlakyTrace.Probe",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            });
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Report(First, Ticks, tests);
        }

        [GlobalTestInitialize]
        public static void Before(TestContext context)
        {
            if (!Source.HasListeners())
            {
                return;
            }

            Start(context, Ticks);
            tests++;
        }

        [GlobalTestCleanup]
        public static void After(TestContext context) => Stop(context, Ticks);

        private static void Start(TestContext context, long[] ticks)
        {
            var t0 = Stopwatch.GetTimestamp();
            var key = context.FullyQualifiedTestClassName + "." + (context.TestDisplayName ?? context.TestName);
            var t1 = Stopwatch.GetTimestamp();
            var probe = First switch
            {
                "bare" => new Activity("probe").Start(),
                "source" => ProbeSource.StartActivity("probe"),
                _ => null,
            };
            probe?.Stop();
            Activity.Current = null;
            var t2 = Stopwatch.GetTimestamp();
            var activity = Source.StartActivity(key, ActivityKind.Internal);
            var t3 = Stopwatch.GetTimestamp();
            if (activity != null)
            {
                activity.SetTag(KeyTag, key);
                Running[context] = activity;
            }

            var t4 = Stopwatch.GetTimestamp();
            ticks[0] += t1 - t0;
            ticks[1] += t2 - t1;
            ticks[2] += t3 - t2;
            ticks[3] += t4 - t3;
        }

        private static void Stop(TestContext context, long[] ticks)
        {
            var t0 = Stopwatch.GetTimestamp();
            if (!Running.TryRemove(context, out var activity))
            {
                return;
            }

            var t1 = Stopwatch.GetTimestamp();

            activity.SetTag(OutcomeTag, OutcomeName(context.CurrentTestOutcome));
            var t2 = Stopwatch.GetTimestamp();
            activity.Stop();
            var t3 = Stopwatch.GetTimestamp();
            ticks[4] += t1 - t0;
            ticks[5] += t2 - t1;
            ticks[6] += t3 - t2;
        }

        private static string OutcomeName(UnitTestOutcome outcome)
        {
            var index = (int)outcome;
            if (index < 0 || index >= OutcomeNames.Length)
            {
                return outcome.ToString();
            }

            return OutcomeNames[index] ?? (OutcomeNames[index] = outcome.ToString());
        }

        private static void Report(string label, long[] ticks, long count)
        {
            if (count == 0 || Environment.GetEnvironmentVariable("FLAKYTRACE_PROBE_OUT") is not { } path)
            {
                return;
            }

            var perTest = ticks.Select(t => (t * 1e6 / Stopwatch.Frequency / count).ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
            File.AppendAllText(path, $"{label},{count},{string.Join(",", perTest)}\n");
        }
    }
}
