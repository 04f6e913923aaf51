using FlakyCollector.Analysis.History;

namespace FlakyCollector.Analysis.Tests.History;

public sealed class HistoryFileReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("flakytrace-history-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_EmptyHistoryWritten_ReadsBackTheSameBytes()
    {
        var path = Path.Combine(_folder, "empty.jsonl");
        HistoryFileWriter.Write(new TestHistory(new HistoryPolicy { DetailedDays = 7, MaxDetailedRuns = 50 }), path);

        var history = HistoryFileReader.Read(path);
        var again = Path.Combine(_folder, "again.jsonl");
        HistoryFileWriter.Write(history, again);

        Assert.Equal(7, history.Policy.DetailedDays);
        Assert.Equal(File.ReadAllText(path), File.ReadAllText(again));
        Assert.True(HistoryFileReader.IsHistory(path));
    }

    [Fact]
    public void Read_RunNamingAnUnknownTest_NamesTheLine()
    {
        var path = Path.Combine(_folder, "damaged.jsonl");
        File.WriteAllLines(path,
        [
            """{"flakytraceHistory":1,"detailedDays":30,"maxDetailedRuns":1000,"tests":1,"runs":1}""",
            """{"test":"A.B"}""",
            """{"run":"r1","start":0,"tests":[[0,4]],"ms":"AQ==","failed":[],"skipped":[]}""",
        ]);

        var ex = Assert.Throws<InvalidDataException>(() => HistoryFileReader.Read(path));

        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("test index 4 is not one of the 1 tests", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OtherFormatVersion_SaysWhichItReads()
    {
        var path = Path.Combine(_folder, "v9.jsonl");
        File.WriteAllText(path, """{"flakytraceHistory":9,"detailedDays":30,"maxDetailedRuns":1000}""" + "\n");

        var ex = Assert.Throws<InvalidDataException>(() => HistoryFileReader.Read(path));

        Assert.Contains("format 9; this flakytrace reads format 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsHistory_TraceFile_False()
    {
        var path = Path.Combine(_folder, "trace.otlp.jsonl");
        File.WriteAllText(path, "{\"resourceSpans\":[]}\n");

        Assert.False(HistoryFileReader.IsHistory(path));
    }
}
