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
    public void Take_EveryLineTaken_NoKeyIsKept()
    {
        // xUnit v3 tests' keys are their methods' names: a run of 100,000 tests must not keep 100,000 empty queues.
        var keys = Enumerable.Range(0, 50).Select(i => $"Shop.Tests.Cart.Adds_{i}").ToList();
        File.WriteAllText(Path.Combine(folder, "1" + RecordingChannel.FileExtension), string.Concat(keys.Select(k => RecordingChannel.Line(k, Execution("01")) + "\n")));
        using var reader = new RecordingChannelReader(folder);

        Assert.All(keys, k => Assert.NotNull(reader.Take(k)));

        Assert.Equal(0, reader.KeysHeld);
        Assert.Null(reader.Take(keys[0]));
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
    public void Take_LineCutInsideACharacter_IsReadWholeOnceComplete()
    {
        // A test name with characters of two and three bytes, cut between the bytes of one of them.
        var path = Path.Combine(folder, "8" + RecordingChannel.FileExtension);
        var bytes = System.Text.Encoding.UTF8.GetBytes(RecordingChannel.Line("Café.Prüfung.Größe€", Execution("0c")) + "\n");
        var cut = Array.IndexOf(bytes, (byte)0xE2) + 1; // inside the euro sign
        File.WriteAllBytes(path, bytes[..cut]);
        using var reader = new RecordingChannelReader(folder);

        Assert.Null(reader.Take("Café.Prüfung.Größe€"));

        using (var append = new FileStream(path, FileMode.Append))
        {
            append.Write(bytes, cut, bytes.Length - cut);
        }

        Assert.Equal("0c", reader.Take("Café.Prüfung.Größe€")?.TestSpan?.SpanId);
        Assert.Equal(0, reader.UnreadableLines);
    }

    [Fact]
    public void Take_AWholeLineThatCannotBeRead_IsCountedAndTheLinesAfterItAreRead()
    {
        File.WriteAllText(Path.Combine(folder, "9" + RecordingChannel.FileExtension),
            "{\"not a recording\n" + RecordingChannel.Line("A.B.C", Execution("0d")) + "\n");
        using var reader = new RecordingChannelReader(folder);

        Assert.Equal("0d", reader.Take("A.B.C")?.TestSpan?.SpanId);
        Assert.Null(reader.Take("A.B.C"));
        Assert.Equal(1, reader.UnreadableLines);
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
