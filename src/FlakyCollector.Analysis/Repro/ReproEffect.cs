namespace FlakyCollector.Analysis.Repro;

/// <summary>Whether the condition really happened in the runs that were meant to have it.</summary>
public enum ReproEffect
{
    /// <summary>It happened: the span was held or failed, the predecessor ran first, the tests overlapped.</summary>
    TookEffect,

    /// <summary>What it acts on never happened in the test (no such span started in it): the cause cannot be what fails it.</summary>
    NeverHappened,

    /// <summary>The runner did not do what the condition needs (it ran the predecessor after the test, or the tests apart).</summary>
    RunnerDidNot,
}
