using Xunit.Abstractions;
using Xunit.Sdk;

namespace ClassOrderSample;

/// <summary>
/// Runs a class's tests one after another, each run starting one test further along in name order:
/// with two tests, they take turns at going first, and the first run puts the second name
/// (<c>Prices_Kettle</c>) first. The turns are counted in a file beside the test assembly, so they
/// go on from one <c>dotnet test</c> of the built project to the next. A run of one test takes no turn.
/// </summary>
public sealed class TakeTurns : ITestCaseOrderer
{
    private static readonly string Counter = Path.Combine(Path.GetDirectoryName(typeof(TakeTurns).Assembly.Location)!, "pricing-turns.txt");

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase
    {
        var byName = testCases.OrderBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal).ToList();
        if (byName.Count < 2)
        {
            return byName;
        }

        var turn = (File.Exists(Counter) ? int.Parse(File.ReadAllText(Counter), System.Globalization.CultureInfo.InvariantCulture) : 0) + 1;
        File.WriteAllText(Counter, turn.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var first = turn % byName.Count;
        return [.. byName.Skip(first), .. byName.Take(first)];
    }
}
