namespace FlakyCollector.Analysis.Flakiness;

/// <summary>
/// Marks a test that failed on one runtime and never on the others it ran on ("fails on .NET 8
/// only"): the same service and <c>test.case.name</c>, another runtime, no failure there.
/// </summary>
internal static class RuntimeVerdicts
{
    public static IEnumerable<TestSummary> Apply(List<TestSummary> summaries)
    {
        var siblings = summaries.ToLookup(t => (t.Service, t.Name));
        foreach (var test in summaries)
        {
            var others = siblings[(test.Service, test.Name)].Where(t => !ReferenceEquals(t, test) && t.Runtime != test.Runtime).ToList();
            var onlyHere = test.Failed > 0 && test.Runtime is not null && others.Count > 0 && others.All(o => o.Failed == 0 && o.Passed > 0);
            yield return onlyHere ? test with { FailsOnlyOn = test.Runtime } : test;
        }
    }
}
