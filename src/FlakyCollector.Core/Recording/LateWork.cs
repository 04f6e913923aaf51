using System.Diagnostics;

namespace FlakyCollector.Recording;

/// <summary>
/// Counts the activities started inside a running test that have not stopped yet, so that the end
/// of a run can wait (boundedly) for the ones that outlive their test.
/// </summary>
internal sealed class LateWork
{
    /// <summary>How long the end of a run waits for work that tests started and that is still running.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

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
    public static bool StartedInTest(Activity activity) => activity.GetCustomProperty(Marker) is not null;

    /// <summary>
    /// Counts <paramref name="activity"/> as done. Call it once its span has been filed: a waiter
    /// woken before that would take the recording without it.
    /// </summary>
    public void Stopped(Activity activity)
    {
        if (!StartedInTest(activity))
        {
            return;
        }

        lock (gate)
        {
            running--;
            Monitor.PulseAll(gate);
        }
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
