namespace FlakyCollector.Analysis.Repro;

/// <summary>How many runs executed the test, and in how many it failed.</summary>
public sealed record ReproCounts(int Runs, int Failed)
{
    public double Rate => Runs == 0 ? 0 : (double)Failed / Runs;

    public override string ToString() => $"{Failed}/{Runs}";
}
