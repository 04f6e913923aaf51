namespace FlakyCollector.Logger.Tests;

/// <summary>A clock that stands where the test sets it, and whose stopwatch moves a step each time it is read.</summary>
internal sealed class SteppingClock(DateTimeOffset now, TimeSpan step) : TimeProvider
{
    private long ticks;

    public int Reads { get; private set; }

    public DateTimeOffset UtcNow { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => UtcNow;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        Reads++;
        return Interlocked.Add(ref ticks, step.Ticks);
    }
}
