namespace FlakyCollector.Logger.Tests;

/// <summary>A clock that stands at <paramref name="now"/>, and whose stopwatch moves a step each time it is read.</summary>
internal sealed class SteppingClock(DateTimeOffset now, TimeSpan step) : TimeProvider
{
    private long ticks;

    public int Reads { get; private set; }

    public override DateTimeOffset GetUtcNow() => now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        Reads++;
        return Interlocked.Add(ref ticks, step.Ticks);
    }
}
