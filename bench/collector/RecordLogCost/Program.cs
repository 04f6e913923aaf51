using System.Diagnostics;
using RouteFloor;

// Per route (file: one flushed write a record; mapped: copied into a memory-mapped file), the CPU
// of appending N records of a 107-character payload, then of reading them back by id in batches of
// B, as the logger does when a result's id is not there yet. Median of R repetitions, in µs a record.
var records = Arg("--records", 30_000);
var batch = Arg("--batch", 10);
var reps = Arg("--reps", 7);
var payload = new string('x', 107);
var ids = Enumerable.Range(0, records).Select(_ => Guid.NewGuid()).ToArray();

Console.WriteLine($"{records} records of {payload.Length} characters, read in batches of {batch}, median of {reps} repetitions, CPU µs a record");
Console.WriteLine($"{"route",-8} {"append",8} {"read",8} {"both",8}");
foreach (var route in new[] { "file", "mapped" })
{
    var append = new List<double>();
    var both = new List<double>();
    for (var rep = 0; rep <= reps; rep++)
    {
        // The appends alone, then appends and reads interleaved by batch: the clock is read around each pass only.
        var appendOnly = Pass(route, read: false);
        var interleaved = Pass(route, read: true);
        if (rep > 0)
        {
            append.Add(appendOnly);
            both.Add(interleaved);
        }
    }

    Console.WriteLine($"{route,-8} {Median(append),8:F2} {Median(both) - Median(append),8:F2} {Median(both),8:F2}");
}

double Pass(string route, bool read)
{
    var folder = Directory.CreateTempSubdirectory("record-log-cost-").FullName;
    Environment.SetEnvironmentVariable(RecordLog.FolderVariable, folder);
    Environment.SetEnvironmentVariable(RecordLog.RouteVariable, route);
    var taken = 0;
    TimeSpan cpu;
    using (var log = RecordLog.Open()!)
    using (var reader = new RecordLog.Reader(folder))
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        for (var start = 0; start < records; start += batch)
        {
            var end = Math.Min(records, start + batch);
            for (var i = start; i < end; i++)
            {
                log.Append(ids[i], payload);
            }

            for (var i = start; read && i < end; i++)
            {
                taken += reader.Take(ids[i]) is null ? 0 : 1;
            }
        }

        cpu = Process.GetCurrentProcess().TotalProcessorTime - before;
    }

    Directory.Delete(folder, recursive: true);
    if (read && taken != records)
    {
        throw new InvalidOperationException($"{route}: {taken} of {records} records read back");
    }

    return cpu.TotalMicroseconds / records;
}

int Arg(string name, int fallback) => Array.IndexOf(args, name) is var at and >= 0 ? int.Parse(args[at + 1]) : fallback;

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
