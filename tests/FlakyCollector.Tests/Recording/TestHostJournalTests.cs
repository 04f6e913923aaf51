using FlakyCollector.Recording;

namespace FlakyCollector.Tests.Recording;

public sealed class TestHostJournalTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("journal-tests-").FullName;

    [Fact]
    public void Read_StartedAndNotEnded_IsUnfinished()
    {
        using (var journal = Open())
        {
            journal.Started(Test("a", "Shop.Tests.A"));
            journal.Started(Test("b", "Shop.Tests.B"));
            journal.Ended("a");
        }

        var contents = TestHostJournal.Read(folder);

        var unfinished = Assert.Single(contents.Unfinished);
        Assert.Equal("Shop.Tests.B", unfinished.FullyQualifiedName);
        Assert.Equal(new Uri("executor://xunit/VsTestRunner2/netcoreapp"), unfinished.ExecutorUri);
        Assert.Equal(4242, unfinished.ProcessId);
    }

    [Fact]
    public void Read_WhileTheWriterIsOpen_SeesWhatWasFlushed()
    {
        // A crashed process never closes its journal.
        using var journal = Open();
        journal.Started(Test("a", "Shop.Tests.A"));
        journal.Warning("late warning");

        var contents = TestHostJournal.Read(folder);

        Assert.Single(contents.Unfinished);
        Assert.Equal(["late warning"], contents.Warnings);
    }

    [Fact]
    public void Read_TornLastLine_Ignored()
    {
        using (var journal = Open())
        {
            journal.Started(Test("a", "Shop.Tests.A"));
        }

        var path = Directory.GetFiles(folder).Single();
        File.AppendAllText(path, "{\"event\":\"end\",\"id\":\"a");

        Assert.Single(TestHostJournal.Read(folder).Unfinished);
    }

    [Fact]
    public void Open_NoChannelFolder_Null()
    {
        Assert.Null(TestHostJournal.Open(_ => null));
        Assert.Null(TestHostJournal.Open(_ => Path.Combine(folder, "missing")));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private TestHostJournal Open() => TestHostJournal.Open(name => name == RecordingChannel.FolderVariable ? folder : null)!;

    private static StartedTest Test(string id, string name) =>
        new(id, name, name, "/tests/Shop.Tests.dll", new Uri("executor://xunit/VsTestRunner2/netcoreapp"), DateTimeOffset.UnixEpoch.AddSeconds(1), 4242);
}
