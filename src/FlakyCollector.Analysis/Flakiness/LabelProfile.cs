namespace FlakyCollector.Analysis.Flakiness;

/// <summary>One child span label across the passing (or failing) runs of a test.</summary>
/// <param name="Label">The span label.</param>
/// <param name="Runs">Executions in which the label appeared.</param>
/// <param name="Appearance">Share of the executions in which it appeared (0..1).</param>
/// <param name="MedianMs">Median time spent in the label per execution, over the executions that had it.</param>
/// <param name="Errors">Spans with this label that had status Error.</param>
/// <param name="StatusCodes">HTTP status (the highest per execution) and in how many executions it was seen.</param>
public sealed record LabelProfile(string Label, int Runs, double Appearance, double MedianMs, int Errors, IReadOnlyDictionary<int, int> StatusCodes);
