namespace FlakyCollector.Analysis.Causes;

/// <summary>One named figure behind a hint: a count, a median, a ratio, a p-value, a test name.</summary>
public sealed record EvidenceFigure(string Name, object Value);
