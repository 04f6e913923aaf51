using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// The executions of one flaky test that the detectors compare: those of the commits on which it
/// both passed and failed, so that a real fix or a real break between commits is not mistaken for
/// flakiness evidence.
/// </summary>
internal sealed record FlakySample(string Name, IReadOnlyList<TestExecution> Failing, IReadOnlyList<TestExecution> Passing);
