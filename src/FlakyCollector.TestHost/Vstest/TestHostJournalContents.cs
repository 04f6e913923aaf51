
namespace FlakyCollector.Vstest;

/// <summary>What the test processes' journals hold when the run ends.</summary>
internal sealed record TestHostJournalContents(IReadOnlyList<StartedTest> Unfinished, IReadOnlyList<string> Warnings);
