using System.Diagnostics;
using FlakyCollector.Recording;

namespace FlakyCollector.Tests.Recording;

/// <summary>
/// The end of a run and a late activity's own stop race to file its span: the run's end as
/// unfinished, the stop as it ended. Exactly one of them files it.
/// </summary>
public sealed class LateWorkTests
{
    [Fact]
    public void Claim_BeforeTheRunsEndTakesIt_TheStopFilesIt_AndTheEndWaitsForTheFiling()
    {
        var late = new LateWork();
        var work = Running();
        late.Started(work);
        work.Stop();

        Assert.True(late.Claim(work));

        Assert.Empty(late.TakeUnfinished(_ => false));
        Assert.False(late.WaitForAll(TimeSpan.Zero)); // its span is still being filed
        late.Stopped(work);
        Assert.True(late.WaitForAll(TimeSpan.Zero));
    }

    [Fact]
    public void Claim_AfterTheRunsEndTookIt_TheStopFilesNothing()
    {
        var late = new LateWork();
        var work = Running();
        late.Started(work);

        var unfinished = Assert.Single(late.TakeUnfinished(_ => false));
        work.Stop();

        Assert.Equal(work.SpanId.ToHexString(), unfinished.SpanId);
        Assert.False(late.Claim(work));
        late.Stopped(work);
        Assert.True(late.WaitForAll(TimeSpan.Zero));
    }

    [Fact]
    public void Claim_WorkNotStartedInATest_AlwaysItsStopsToFile()
    {
        var late = new LateWork();
        var work = Running();
        work.Stop();

        Assert.True(late.Claim(work));
        late.Stopped(work);
        Assert.True(late.WaitForAll(TimeSpan.Zero));
    }

    private static Activity Running() => new Activity("SendConfirmation").SetIdFormat(ActivityIdFormat.W3C).Start();
}
