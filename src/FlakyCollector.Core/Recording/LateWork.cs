using System.Diagnostics;

namespace FlakyCollector.Recording;

/// <summary>
/// Counts the activities started inside a running test that have not stopped yet, so that the end
/// of a run can wait (boundedly) for the ones that outlive their test.
/// </summary>
internal sealed class LateWork
{
    private const string Marker = "flakytrace.started_in_test";

    private readonly object gate = new();
    private int running;

    public void Started(Activity activity)
    {
        activity.SetCustomProperty(Marker, Marker);
        lock (gate)
        {
            running++;
        }
    }

    /// <summary>True when <paramref name="activity"/> was started inside a running test.</summary>
    public bool Stopped(Activity activity)
    {
        if (activity.GetCustomProperty(Marker) is null)
        {
            return false;
        }

        lock (gate)
        {
            running--;
            Monitor.PulseAll(gate);
        }

        return true;
    }

    /// <summary>Waits until every such activity stopped, or <paramref name="bound"/> passed; true when none is left.</summary>
    public bool WaitForAll(TimeSpan bound)
    {
        var deadline = Stopwatch.StartNew();
        lock (gate)
        {
            while (running > 0)
            {
                var left = bound - deadline.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    return false;
                }

                Monitor.Wait(gate, left);
            }
        }

        return true;
    }
}
