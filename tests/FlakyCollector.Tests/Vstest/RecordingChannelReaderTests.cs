using FlakyCollector.Recording;
using FlakyCollector.Spans;
using FlakyCollector.Vstest;

namespace FlakyCollector.Tests.Vstest;

public sealed class RecordingChannelReaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("flakytrace-channel-test-").FullName;

    [Fact]
    public void Take_LinesOfSeveralProcesses_ByKeyOldestFirst()
    {
        File.WriteAllText(Path.Combine(folder, "1" + RecordingChannel.FileExtension), RecordingChannel.Line("A.B.C", Execution("01")) + "\n" + RecordingChannel.Line("A.B.C", Execution("02")) + "\n");
        File.WriteAllText(Path.Combine(folder, "2" + RecordingChannel.FileExtension), RecordingChannel.Line("A.B.D", Execution("03")) + "\n");
        using var reader = new RecordingChannelReader(folder);

        Assert.Equal("01", reader.Take("A.B.C")?.TestSpan?.SpanId);
        Assert.Equal("03", reader.Take("A.B.D")?.TestSpan?.SpanId);
        Assert.Equal("02", reader.Take("A.B.C")?.TestSpan?.SpanId);
        Assert.Null(reader.Take("A.B.C"));
    }

    [Fact]
    public void Take_LineStillBeingWritten_IsReadOnlyOnceComplete()
    {
        var path = Path.Combine(folder, "7" + RecordingChannel.FileExtension);
        var line = RecordingChannel.Line("K", Execution("0a"));
        File.WriteAllText(path, line[..20]);
        using var reader = new RecordingChannelReader(folder);

        Assert.Null(reader.Take("K"));

        File.AppendAllText(path, line[20..] + "\n");
        Assert.Equal("0a", reader.Take("K")?.TestSpan?.SpanId);
    }

    [Fact]
    public void Line_RoundTripsTheRecording()
    {
        var (key, execution) = RecordingChannel.Parse(RecordingChannel.Line("Ns.Class.Method", Execution("0b") with { Timing = "hook", ProcessId = 42 }));

        Assert.Equal("Ns.Class.Method", key);
        Assert.Equal("hook", execution.Timing);
        Assert.Equal(42, execution.ProcessId);
    }

    [Fact]
    public void Dispose_RemovesTheChannelFolder()
    {
        new RecordingChannelReader(folder).Dispose();

        Assert.False(Directory.Exists(folder));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static RecordedExecution Execution(string spanId) => new()
    {
        Timing = "hook",
        TestSpan = new SpanData
        {
            TraceId = "0af7651916cd43dd8448eb211c80319c",
            SpanId = spanId,
            Name = "t",
            StartTimeUnixNano = 1,
            EndTimeUnixNano = 2,
            ScopeName = "FlakyTrace",
        },
    };
}
