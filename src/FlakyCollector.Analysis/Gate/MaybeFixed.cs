namespace FlakyCollector.Analysis.Gate;

/// <summary>A known flaky test that passed in each of its last <paramref name="PassedRuns"/> runs, counting this one.</summary>
/// <param name="SinceMs">The first run of the passing streak.</param>
/// <param name="SinceCommit">Its commit, when recorded.</param>
/// <param name="Cause">The summary of the cause the history gave it.</param>
public sealed record MaybeFixed(string Name, string? Service, string? Runtime, int PassedRuns, long SinceMs, string? SinceCommit, string? Cause);
