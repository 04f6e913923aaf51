using FlakyCollector.Recording;
using FlakyCollector.Tests.Recording;
using FlakyCollector.Vstest;

namespace FlakyCollector.Tests.Vstest;

[Collection(ActivityRecorderCollection.Name)]
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
    public void Read_HookEntryForATestVstestAlsoStarted_OnlyVstestsEntry()
    {
        using (var journal = Open())
        {
            journal.Started(Test("a", "Shop.Tests.A"));
            journal.Started(Test(HookActivityJournal.IdPrefix + "1", "Shop.Tests.A"));
        }

        var unfinished = Assert.Single(TestHostJournal.Read(folder).Unfinished);

        Assert.Equal("a", unfinished.Id);
    }

    [Fact]
    public void Read_MSTestHookKeyOfClassAndDisplayName_MatchesVstestsEntry()
    {
        using (var journal = Open())
        {
            journal.Started(Test("a", "Shop.Tests.Rows.Named") with { DisplayName = "first row" });
            journal.Started(Test(HookActivityJournal.IdPrefix + "1", "Shop.Tests.Rows.first row"));
        }

        Assert.Equal("a", Assert.Single(TestHostJournal.Read(folder).Unfinished).Id);
    }

    [Fact]
    public void Read_HookEntryVstestNeverStarted_Kept()
    {
        // A test that crashed the process before vstest's late start event arrived.
        using (var journal = Open())
        {
            journal.Started(Test(HookActivityJournal.IdPrefix + "1", "Shop.Tests.Crashes"));
        }

        Assert.Equal("Shop.Tests.Crashes", Assert.Single(TestHostJournal.Read(folder).Unfinished).FullyQualifiedName);
    }

    [Fact]
    public void HookActivityJournal_HookActivityStartedAndStopped_StartedThenEnded()
    {
        using var source = new System.Diagnostics.ActivitySource(TestActivityNames.SourceName);
        using (var journal = Open())
        using (new HookActivityJournal(journal, "/tests/Shop.Tests.dll"))
        {
            using (source.StartActivity("Shop.Tests.Ends"))
            {
            }

            source.StartActivity("Shop.Tests.Runs");
            System.Diagnostics.Activity.Current = null;
        }

        var unfinished = Assert.Single(TestHostJournal.Read(folder).Unfinished);
        Assert.Equal("Shop.Tests.Runs", unfinished.FullyQualifiedName);
        Assert.Equal("/tests/Shop.Tests.dll", unfinished.Source);
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
