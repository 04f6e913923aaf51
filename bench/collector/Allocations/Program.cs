using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// allocations <dir-of-nettrace-files> [top]
// One line per file whose process is a testhost or vstest.console:
//   <role> <allocated MB> <gen0 GCs> <gen1 GCs> <gen2 GCs> <ms in collections>
// then, per role, the <top> types by sampled allocation ("type <role> <MB> <name>").
// The runtime raises AllocationTick once per ~100 KB allocated, with the type of the object that
// crossed the mark: the per-type split is a sample, the total is exact to within 100 KB a heap.
var folder = args[0];
var top = args.Length > 1 ? int.Parse(args[1]) : 15;
var byRole = new Dictionary<string, Dictionary<string, long>>();
foreach (var path in Directory.GetFiles(folder, "*.nettrace"))
{
    string? role = null;
    long allocated = 0;
    var gcs = new int[3];
    var types = new Dictionary<string, long>();
    var gcStarted = new Dictionary<int, double>();
    double gcMilliseconds = 0;
    using (var source = new EventPipeEventSource(path))
    {
        source.Clr.GCAllocationTick += e =>
        {
            allocated += e.AllocationAmount64;
            types[e.TypeName] = types.GetValueOrDefault(e.TypeName) + e.AllocationAmount64;
        };
        source.Clr.GCStart += e =>
        {
            if (e.Depth is >= 0 and <= 2)
            {
                gcs[e.Depth]++;
            }

            gcStarted[e.Count] = e.TimeStampRelativeMSec;
        };
        // From a collection's start to its end: the time the collection took, background ones included.
        source.Clr.GCStop += e =>
        {
            if (gcStarted.Remove(e.Count, out var started))
            {
                gcMilliseconds += e.TimeStampRelativeMSec - started;
            }
        };
        var rundown = new ClrRundownTraceEventParser(source);
        rundown.LoaderModuleDCStop += e => role ??= RoleOf(e.ModuleILPath);
        source.Clr.LoaderModuleLoad += e => role ??= RoleOf(e.ModuleILPath);
        try
        {
            source.Process();
        }
        catch (FormatException)
        {
            // A process killed before the runtime closed its trace: what was written is counted.
            Console.Error.WriteLine($"warning: {path} ends early ({role ?? "unknown process"})");
        }
    }

    if (role is null)
    {
        continue;
    }

    Console.WriteLine($"{role} {allocated / 1e6:F1} {gcs[0]} {gcs[1]} {gcs[2]} {gcMilliseconds:F0}");
    var sum = byRole.TryGetValue(role, out var known) ? known : byRole[role] = [];
    foreach (var (type, bytes) in types)
    {
        sum[type] = sum.GetValueOrDefault(type) + bytes;
    }
}

foreach (var (role, types) in byRole)
{
    foreach (var (type, bytes) in types.OrderByDescending(t => t.Value).Take(top))
    {
        Console.WriteLine($"type {role} {bytes / 1e6:F1} {type}");
    }
}

static string? RoleOf(string modulePath) => Path.GetFileName(modulePath) switch
{
    "testhost.dll" => "testhost",
    "vstest.console.dll" => "vstest.console",
    _ => null,
};
