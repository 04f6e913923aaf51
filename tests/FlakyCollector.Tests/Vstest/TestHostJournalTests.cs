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
    public void Started_SourceAndExecutorChangeBetweenTests_EachEntryKeepsItsOwn()
    {
        // The assembly path and executor are encoded once and reused while they repeat.
        var quoted = "/tests/\"odd\" dir/Shop.Tests.dll";
        using (var journal = Open())
        {
            journal.Started(Test("a", "Shop.Tests.A"));
            journal.Started(Test("b", "Shop.Tests.B") with { Source = quoted, ExecutorUri = null });
            journal.Started(Test("c", "Shop.Tests.C") with { ExecutorUri = new Uri("executor://nunit/v5") });
            journal.Started(Test("d", "Shop.Tests.D") with { Source = quoted });
        }

        var unfinished = TestHostJournal.Read(folder).Unfinished.ToDictionary(t => t.Id);

        Assert.Equal(("/tests/Shop.Tests.dll", "executor://xunit/VsTestRunner2/netcoreapp"), (unfinished["a"].Source, unfinished["a"].ExecutorUri?.OriginalString));
        Assert.Equal((quoted, (string?)null), (unfinished["b"].Source, unfinished["b"].ExecutorUri?.OriginalString));
        Assert.Equal(("/tests/Shop.Tests.dll", "executor://nunit/v5"), (unfinished["c"].Source, unfinished["c"].ExecutorUri?.OriginalString));
        Assert.Equal((quoted, "executor://xunit/VsTestRunner2/netcoreapp"), (unfinished["d"].Source, unfinished["d"].ExecutorUri?.OriginalString));
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
            journal.Warning("written whole");
        }

        var path = Directory.GetFiles(folder, "*" + TestHostJournal.FileExtension).Single();
        File.AppendAllText(path, "{\"event\":\"warning\",\"text\":\"torn");

        var contents = TestHostJournal.Read(folder);
        Assert.Single(contents.Unfinished);
        Assert.Equal(["written whole"], contents.Warnings);
    }

    [Fact]
    public void Read_ARunningTestsSlotThatIsNotAWholeEntry_IgnoredAndTheOthersRead()
    {
        // A slot being rewritten as it is read, or as its process crashed: its length says more than it holds whole.
        using (var journal = Open())
        {
            journal.Started(Test("a", "Shop.Tests.A"));
            journal.Warning("written whole");
        }

        var slot = new byte[RunningTestTable.SlotSize];
        var torn = System.Text.Encoding.UTF8.GetBytes("{\"event\":\"start\",\"id\":\"b\",\"fqn\":\"Shop.");
        BitConverter.GetBytes(torn.Length).CopyTo(slot, 0);
        torn.CopyTo(slot, sizeof(int));
        File.WriteAllBytes(Path.Combine(folder, "torn" + RunningTestTable.FileExtension), slot);

        var contents = TestHostJournal.Read(folder);
        Assert.Equal("Shop.Tests.A", Assert.Single(contents.Unfinished).FullyQualifiedName);
        Assert.Equal(["written whole"], contents.Warnings);
    }

    [Fact]
    public void Started_ManyTestsOneAfterAnother_ReuseTheFirstSlot_AndNoLineIsWritten()
    {
        // A test's start and end are copies into mapped memory: no file grows with the suite.
        using (var journal = Open())
        {
            for (var i = 0; i < 5_000; i++)
            {
                journal.Started(Test($"t{i}", $"Shop.Tests.T{i}"));
                journal.Ended($"t{i}");
            }

            journal.Started(Test("last", "Shop.Tests.Last"));
        }

        Assert.Empty(Directory.GetFiles(folder, "*" + TestHostJournal.FileExtension));
        var table = File.ReadAllBytes(Directory.GetFiles(folder, "*" + RunningTestTable.FileExtension).Single());
        Assert.True(table.AsSpan(RunningTestTable.SlotSize).IndexOfAnyExcept((byte)0) < 0, "only the first slot was ever used");
        Assert.Equal("Shop.Tests.Last", Assert.Single(TestHostJournal.Read(folder).Unfinished).FullyQualifiedName);
    }

    [Fact]
    public void Started_EntryLongerThanASlot_KeptAsALine_UntilItEnds()
    {
        var longName = "Shop.Tests.Rows.Row(" + new string('x', RunningTestTable.SlotSize) + ")";
        using var journal = Open();
        journal.Started(Test("long", longName));
        journal.Started(Test("short", "Shop.Tests.Short"));

        Assert.Equal([longName, "Shop.Tests.Short"], TestHostJournal.Read(folder).Unfinished.Select(t => t.FullyQualifiedName).Order());

        journal.Ended("long");

        Assert.Equal("Shop.Tests.Short", Assert.Single(TestHostJournal.Read(folder).Unfinished).FullyQualifiedName);
    }

    [Fact]
    public void Started_MoreTestsAtOnceThanSlots_TheRestKeptAsLines()
    {
        using var journal = Open();
        for (var i = 0; i < RunningTestTable.SlotCount + 3; i++)
        {
            journal.Started(Test($"t{i}", $"Shop.Tests.T{i}"));
        }

        journal.Ended("t0");
        journal.Ended($"t{RunningTestTable.SlotCount + 1}");

        var unfinished = TestHostJournal.Read(folder).Unfinished;
        Assert.Equal(RunningTestTable.SlotCount + 1, unfinished.Count);
        Assert.DoesNotContain(unfinished, t => t.Id == "t0" || t.Id == $"t{RunningTestTable.SlotCount + 1}");
    }

    [Fact]
    public void Started_FromManyThreadsAtOnce_EachEndedTestLeaves()
    {
        using (var journal = Open())
        {
            Parallel.For(0, 2_000, i =>
            {
                journal.Started(Test($"t{i}", $"Shop.Tests.T{i}"));
                if (i % 100 != 0)
                {
                    journal.Ended($"t{i}");
                }
            });
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"t{i * 100}").Order(), TestHostJournal.Read(folder).Unfinished.Select(t => t.Id).Order());
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
