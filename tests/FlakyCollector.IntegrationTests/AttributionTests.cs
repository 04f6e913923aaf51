using System.Text.RegularExpressions;
using System.Web;
using FlakyCollector.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace FlakyCollector.IntegrationTests;

/// <summary>
/// The attribution suites (tests/samples/Attribution*): 200 tests per framework, run in parallel,
/// each calling one shared loopback service with its own id in the query string
/// (<c>?test=Class.Method.row</c>), two calls at once, from <c>Task.Run</c> and from a timer
/// callback; plus one call from a class fixture / one-time set-up, which belongs to no test.
/// Every HTTP client span must sit under the test span of the test that made the call.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed partial class AttributionTests(PackageFeed feed, ITestOutputHelper output)
{
    // The design of the suites (see Scenario.cs in each): Batch01..Batch08, method Calls, rows 0..24;
    // rows 1, 5, 9, ... make one call, every other row two.
    private const int Classes = 8;
    private const int RowsPerClass = 25;
    private const string FixtureId = "fixture";

    public static TheoryData<string> Samples => new() { "AttributionXunit", "AttributionNUnit", "AttributionMSTest" };

    private static IReadOnlyDictionary<string, int> ExpectedCalls { get; } =
        (from c in Enumerable.Range(1, Classes)
         from row in Enumerable.Range(0, RowsPerClass)
         select (Id: $"Batch{c:00}.Calls.{row}", Calls: row % 4 == 1 ? 1 : 2))
        .ToDictionary(x => x.Id, x => x.Calls, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryHttpCall_IsAChildOfTheTestThatMadeIt(string sample)
    {
        using var project = SampleProject.Create(sample, feed);
        var run = project.Test(["--collect", "FlakyTrace"]);

        var figures = Count(run);
        output.WriteLine($"{sample}: {figures}");
        foreach (var problem in figures.Problems.Take(15))
        {
            output.WriteLine("  " + problem);
        }

        if (figures.Problems.Count > 15)
        {
            output.WriteLine($"  ... and {figures.Problems.Count - 15} more");
        }

        Assert.True(run.Process.ExitCode == 0, run.Process.Output);
        Assert.Equal(ExpectedCalls.Count, run.TrxResults.Count(r => r.Outcome == "Passed"));
        Assert.Equal(ExpectedCalls.Count, run.TestSpans.Count);
        Assert.Equal(figures.Calls + 1, figures.HttpSpans);
        Assert.Equal(0, figures.Wrong);
        Assert.Equal(0, figures.Lost);
        Assert.Equal(figures.Calls, figures.Right);
        Assert.True(figures.FixtureOutsideTests, "the fixture's call must be a span of its own trace, under no test");
    }

    private static Figures Count(SampleRun run)
    {
        var byId = run.Spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var testByTrace = run.TestSpans.GroupBy(s => s.TraceId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var spansPerTest = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<string>();
        int right = 0, wrong = 0, lost = 0, fixtureSpans = 0, fixtureUnderTest = 0;

        var http = run.Spans.Where(s => s.Scope == "System.Net.Http").ToList();
        foreach (var span in http)
        {
            var url = span.Attribute("url.full") ?? "";
            var query = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? HttpUtility.ParseQueryString(uri.Query) : null;
            var caller = query?["test"] ?? $"(no test id in '{url}')";
            testByTrace.TryGetValue(span.TraceId, out var test);

            if (caller == FixtureId)
            {
                fixtureSpans++;
                if (test is not null)
                {
                    fixtureUnderTest++;
                    wrong++;
                    problems.Add($"WRONG: the fixture's call is in the trace of {test.Attribute("test.case.name")}");
                }

                continue;
            }

            spansPerTest[caller] = spansPerTest.GetValueOrDefault(caller) + 1;
            var owner = test is not null && Reaches(span, test, byId) ? test : null;
            if (owner is null)
            {
                lost++;
                problems.Add(test is null
                    ? $"LOST: call {query?["call"]} of {caller} is in trace {span.TraceId}, which is no test's"
                    : $"LOST: call {query?["call"]} of {caller} is in the trace of {test.Attribute("test.case.name")} but its parents do not lead to it");
            }
            else if (TestId(owner) == caller)
            {
                right++;
            }
            else
            {
                wrong++;
                problems.Add($"WRONG: call {query?["call"]} of {caller} is under {owner.Attribute("test.case.name")}");
            }
        }

        foreach (var (id, calls) in ExpectedCalls)
        {
            var missing = calls - spansPerTest.GetValueOrDefault(id);
            if (missing > 0)
            {
                lost += missing;
                problems.Add($"LOST: {missing} of the {calls} calls of {id} have no span");
            }
        }

        return new Figures(ExpectedCalls.Values.Sum(), http.Count, right, wrong, lost,
            FixtureOutsideTests: fixtureSpans == 1 && fixtureUnderTest == 0, problems);
    }

    /// <summary>Walks parentSpanId up from <paramref name="span"/>; true if it arrives at <paramref name="test"/>.</summary>
    private static bool Reaches(FileSpan span, FileSpan test, IReadOnlyDictionary<string, FileSpan> byId)
    {
        var parent = span.ParentSpanId;
        for (var depth = 0; parent is not null && depth < 64; depth++)
        {
            if (parent == test.SpanId)
            {
                return true;
            }

            parent = byId.TryGetValue(parent, out var next) && next.TraceId == span.TraceId ? next.ParentSpanId : null;
        }

        return false;
    }

    /// <summary>
    /// The id a test puts in its calls, from its <c>test.case.name</c>:
    /// <c>AttributionXunit.Batch03.Calls(row: 7)</c>, <c>AttributionNUnit.Batch03.Calls(7)</c> → <c>Batch03.Calls.7</c>.
    /// </summary>
    private static string TestId(FileSpan test)
    {
        var name = test.Attribute("test.case.name") ?? "";
        var match = CaseName().Match(name);
        return match.Success ? $"{match.Groups["class"].Value}.{match.Groups["method"].Value}.{match.Groups["row"].Value}" : name;
    }

    [GeneratedRegex(@"(?<class>\w+)\.(?<method>\w+)\s*\((?:\w+:\s*)?(?<row>\d+)\)$")]
    private static partial Regex CaseName();

    private sealed record Figures(int Calls, int HttpSpans, int Right, int Wrong, int Lost, bool FixtureOutsideTests, IReadOnlyList<string> Problems)
    {
        public override string ToString() =>
            $"{HttpSpans} HTTP client spans for {Calls} test calls + 1 fixture call: right {Right}, wrong {Wrong}, lost {Lost}; "
            + $"fixture call outside every test: {(FixtureOutsideTests ? "yes" : "NO")}";
    }
}
