using System.Diagnostics;
using FlakyCollector.Recording;
using FlakyCollector.Vstest;

// The crash journal's two entries a test, timed apart on one thread: the hook's (written as the
// test's activity starts and released as it stops, by HookActivityJournal's listener) and vstest's
// (TestHostJournal.Started and Ended with a test case's names, as the in-process collector calls
// them). Each pass runs N tests four ways: the allocation below alone (what vstest's entries are
// measured over), the activities under a listener that records them (what the hook's entry is
// measured over), the same with the hook's journal listening, and vstest's entries. With
// --allocate K, each test first allocates K bytes in small objects, as a framework does around each
// test (xUnit 2 about 100 KB): the caches and the GC then see what they see in a real test process.
// Median of R passes, CPU ns a test.
var tests = Arg("--tests", 200_000);
var reps = Arg("--reps", 9);
var allocate = Arg("--allocate", 0);
var kept = new object[1024];
const string Source = "/home/runner/work/shop/tests/Shop.Checkout.Tests/bin/Release/net10.0/Shop.Checkout.Tests.dll";
var names = Enumerable.Range(0, 100).Select(i => $"Shop.Checkout.Tests.Orders.Pays_WithCard_{i}").ToArray();
var ids = Enumerable.Range(0, 1_000).Select(_ => Guid.NewGuid()).ToArray();
var executor = new Uri("executor://xunit/VsTestRunner2/netcoreapp");
using var source = new ActivitySource(TestActivityNames.SourceName);
using var floor = new ActivityListener
{
    ShouldListenTo = s => s.Name == TestActivityNames.SourceName,
    Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
};
ActivitySource.AddActivityListener(floor);

var allocations = new List<double>();
var activities = new List<double>();
var hooked = new List<double>();
var vstest = new List<double>();
for (var rep = 0; rep <= reps; rep++)
{
    var folder = Directory.CreateTempSubdirectory("journal-cost-").FullName;
    try
    {
        using var journal = TestHostJournal.Open(name => name == RecordingChannel.FolderVariable ? folder : null)!;
        var allocationAlone = Time(() =>
        {
            for (var i = 0; i < tests; i++)
            {
                Allocate(i);
            }
        });
        var alone = Time(() => RunActivities());
        double withHook;
        using (new HookActivityJournal(journal, Source))
        {
            withHook = Time(() => RunActivities());
        }

        var vstestEntries = Time(() =>
        {
            for (var i = 0; i < tests; i++)
            {
                Allocate(i);
                var id = ids[i % ids.Length];
                journal.Started(new StartedTest(id.ToString("N"), names[i % names.Length], names[i % names.Length], Source, executor, DateTimeOffset.UtcNow, Environment.ProcessId));
                journal.Ended(id.ToString("N"));
            }
        });
        if (rep > 0)
        {
            allocations.Add(allocationAlone);
            activities.Add(alone);
            hooked.Add(withHook);
            vstest.Add(vstestEntries);
        }
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

Console.WriteLine($"{tests} tests a pass, {allocate} bytes allocated a test, median of {reps} passes, CPU ns a test");
Console.WriteLine($"  the allocation alone:                    {Median(allocations),7:F0}");
Console.WriteLine($"  the activity, recorded:                  {Median(activities),7:F0}");
Console.WriteLine($"  the same with the hook's journal entry:  {Median(hooked),7:F0}  (the entry: {Median(hooked) - Median(activities):F0})");
Console.WriteLine($"  vstest's journal entry, start and end:   {Median(vstest),7:F0}  (the entry: {Median(vstest) - Median(allocations):F0})");

void RunActivities()
{
    for (var i = 0; i < tests; i++)
    {
        Allocate(i);
        using var activity = source.StartActivity(names[i % names.Length]);
    }
}

// Small objects, one in 64 kept a while (a framework's messages and results outlive their test).
void Allocate(int test)
{
    for (var done = 0; done < allocate; done += 128)
    {
        var made = new byte[104];
        if ((done & 0x1FFF) == 0)
        {
            kept[(test + done) & (kept.Length - 1)] = made;
        }
    }
}

double Time(Action pass)
{
    var before = Process.GetCurrentProcess().TotalProcessorTime;
    pass();
    return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalNanoseconds / tests;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

int Arg(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
