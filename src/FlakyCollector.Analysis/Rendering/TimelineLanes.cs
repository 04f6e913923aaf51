using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>
/// Places a run's tests in concurrency lanes: each test goes to the first lane that is free when
/// it starts, so the number of lanes is the run's peak concurrency and no bars overlap.
/// </summary>
internal static class TimelineLanes
{
    public static int[] Assign(IReadOnlyList<TestExecution> byStart, out int laneCount)
    {
        var laneEnds = new List<long>();
        var lanes = new int[byStart.Count];
        for (var i = 0; i < byStart.Count; i++)
        {
            var execution = byStart[i];
            var lane = laneEnds.FindIndex(end => end <= execution.StartNanos);
            if (lane < 0)
            {
                lane = laneEnds.Count;
                laneEnds.Add(0);
            }

            laneEnds[lane] = execution.EndNanos;
            lanes[i] = lane;
        }

        laneCount = Math.Max(1, laneEnds.Count);
        return lanes;
    }
}
