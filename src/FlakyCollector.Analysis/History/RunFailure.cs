namespace FlakyCollector.Analysis.History;

/// <summary>A test that failed in a run: its failure group (index into the test's groups), and whether a retry in the same run passed.</summary>
internal readonly record struct RunFailure(int Test, int Group, bool PassedToo);
