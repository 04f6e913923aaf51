namespace FlakyCollector.Analysis.Repro;

/// <summary>What an experiment says about a cause read from traces.</summary>
public enum ReproVerdict
{
    /// <summary>With the condition the test fails reliably, with the traced failure, and clearly more often than without.</summary>
    Confirmed,

    /// <summary>The condition was applied and the test did not fail as traced because of it.</summary>
    NotConfirmed,

    /// <summary>The experiment could not decide: the condition could not be applied, or the test did not run.</summary>
    Inconclusive,
}
