using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Tests.ChildSpans;

public sealed class ChildSpanLedgerTests
{
    [Fact]
    public void Add_NothingAdded_NoEntries()
    {
        var ledger = default(ChildSpanLedger);

        Assert.Empty(ledger.Entries);
        Assert.False(ledger.Contains(1));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(200)]
    public void Add_SecondCopyOfEverySpan_RecognisedWhateverTheCount(int spans)
    {
        var ledger = default(ChildSpanLedger);
        var ids = Enumerable.Range(0, spans).Select(i => (ulong)(i * 7919 + 1)).ToList();

        var first = ids.Select(id => ledger.Add(Entry(id))).ToList();
        var second = ids.Select(id => ledger.Add(Entry(id, label: "copy"))).ToList();

        Assert.All(first, Assert.True);
        Assert.All(second, Assert.False);
        Assert.Equal(spans, ledger.Count);
        Assert.Equal(ids, ledger.Entries.Select(e => e.SpanId));
        Assert.All(ledger.Entries, e => Assert.Equal("call", e.Label));
    }

    [Fact]
    public void Entries_TakenBeforeMoreAdded_KeepWhatWasThere()
    {
        var ledger = default(ChildSpanLedger);
        ledger.Add(Entry(1));
        ledger.Add(Entry(2));

        var before = ledger.Entries;
        ledger.Add(Entry(3));

        Assert.Equal([1UL, 2UL], before.Select(e => e.SpanId));
        Assert.Equal([1UL, 2UL, 3UL], ledger.Entries.Select(e => e.SpanId));
    }

    private static ChildSpanEntry Entry(ulong id, string label = "call") => new(id, label, false, false, false, false);
}
