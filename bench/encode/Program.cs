using System.Buffers;
using System.Diagnostics;
using FlakyCollector.Export;
using FlakyCollector.Spans;
using FlakyTrace.Bench.Encode;

// FlakyTrace.Bench.Encode KIND LINES ROUNDS: encodes LINES test lines (KIND: passing or failing)
// ROUNDS times with each encoder, alternating, in one process, and prints one line per encoder:
// its name and the median microseconds of CPU a line. "writer" is Utf8JsonWriter alone;
// "file" is what the trace file writer calls (by hand when the line is flat, else the writer).
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: FlakyTrace.Bench.Encode passing|failing LINES ROUNDS");
    return 2;
}

var lines = TestLines.Make(args[0], int.Parse(args[1]));
var rounds = int.Parse(args[2]);
var resource = OtlpJsonEncoder.EncodeResource(
    [new("service.name", "Suite"), new("host.name", "ci-runner-7"), new("telemetry.sdk.name", "flakycollector")]);
var buffer = new ArrayBufferWriter<byte>(64 * 1024);
Action<IReadOnlyList<SpanData>> writer = spans => OtlpJsonEncoder.WriteWithWriter(buffer, resource, spans);
Action<IReadOnlyList<SpanData>> file = spans => OtlpJsonEncoder.Write(buffer, resource, spans);

var times = new Dictionary<string, List<double>> { ["writer"] = [], ["file"] = [] };
for (var round = 0; round < rounds; round++)
{
    foreach (var (name, encode) in new[] { ("writer", writer), ("file", file) })
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var line in lines)
        {
            buffer.ResetWrittenCount();
            encode(line);
        }

        times[name].Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / lines.Count);
    }
}

foreach (var (name, values) in times)
{
    values.Sort();
    Console.WriteLine($"{name} {values[values.Count / 2]:F2}");
}

return 0;
