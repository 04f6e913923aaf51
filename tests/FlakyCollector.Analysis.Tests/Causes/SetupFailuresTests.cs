using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using static FlakyCollector.Analysis.Tests.Causes.ExecutionFactory;

namespace FlakyCollector.Analysis.Tests.Causes;

/// <summary>
/// Tests failed by their fixture's setup, as the frameworks word it (texts taken from real runs of
/// the reference suites), are read as such: the setup's dependency failure explains them, and
/// what their body would have shown is not looked for.
/// </summary>
public sealed class SetupFailuresTests
{
    private const string Xunit = "Class fixture type 'RealFlakyXunit.SearchIndexFixture' threw in its constructor\n---- System.Net.Http.HttpRequestException : Response status code does not indicate success: 503 (Service Unavailable).";
    private const string XunitCollection = "Collection fixture type 'Shop.SearchIndexFixture' threw in InitializeAsync\n---- System.Net.Http.HttpRequestException : Connection refused (127.0.0.1:5000)";
    private const string NUnit = "OneTimeSetUp: SetUp : System.Net.Http.HttpRequestException : Response status code does not indicate success: 503 (Service Unavailable).";
    private const string MSTest = "Class Initialization method RealFlakyMSTest.SearchTests.WarmUpIndex threw exception. System.Net.Http.HttpRequestException: Response status code does not indicate success: 503 (Service Unavailable)..";

    [Theory]
    [InlineData(Xunit, true)]
    [InlineData(XunitCollection, true)]
    [InlineData(NUnit, true)]
    [InlineData(MSTest, true)]
    [InlineData("Assert.Equal() Failure: Values differ", false)]
    [InlineData("System.Net.Http.HttpRequestException : Response status code does not indicate success: 503 (Service Unavailable).", false)]
    public void FailedInSetup_FrameworksWords_Recognised(string message, bool expected) =>
        Assert.Equal(expected, SetupFailures.FailedInSetup(phase: null, message));

    [Fact]
    public void FailedInSetup_CollectorSaysSetup_TrustedWhateverTheText() =>
        Assert.True(SetupFailures.FailedInSetup("setup", "anything"));

    [Theory]
    [InlineData(Xunit, "Shop.SearchTests", "setup SearchIndexFixture: HTTP 503")]
    [InlineData(XunitCollection, "Shop.SearchTests", "setup SearchIndexFixture: connection refused")]
    [InlineData(NUnit, "Shop.SearchTests", "setup SearchTests.OneTimeSetUp: HTTP 503")]
    [InlineData(MSTest, "RealFlakyMSTest.SearchTests", "setup SearchTests.WarmUpIndex: HTTP 503")]
    public void DependencyFailureLabel_NamesTheSetupAndWhatItMet(string message, string suite, string expected)
    {
        var execution = Failed(message, suite);

        Assert.Equal(expected, SetupFailures.DependencyFailureLabel(execution));
    }

    [Fact]
    public void DependencyFailureLabel_SetupFailedOnItsOwnAssertion_None() =>
        Assert.Null(SetupFailures.DependencyFailureLabel(Failed("OneTimeSetUp: Expected: 3 But was: 2", "Shop.SearchTests")));

    [Fact]
    public void Analyze_ClusterFailedByItsFixturesSetup_ExternalFromTheFailureText()
    {
        // Three tests of one class fail in the same 3 of 20 runs, with the fixture's 503 in their text
        // and a fixture interval stamped on them that is longer than their passing runs.
        var executions = new List<TestExecution>();
        foreach (var test in new[] { "Shop.SearchTests.A", "Shop.SearchTests.B", "Shop.SearchTests.C" })
        {
            for (var run = 0; run < 20; run++)
            {
                var failed = run % 7 == 3;
                var execution = failed
                    ? Failed(Xunit, "Shop.SearchTests", test, durationMs: 400)
                    : Make(test, TestOutcome.Passed, durationMs: 20, run: $"run-{run}");
                execution.RunId = $"run-{run}";
                execution.Suite = "Shop.SearchTests";
                executions.Add(execution);
            }
        }

        var report = FlakinessAnalyzer.Analyze(new TraceCorpus(executions, new InputSummary()));

        var cluster = Assert.Single(report.Clusters);
        Assert.Equal(3, cluster.Tests.Count);
        Assert.Equal(CauseKind.External, cluster.Causes[0].Hint.Kind);
        Assert.Equal("setup SearchIndexFixture: HTTP 503", cluster.Causes[0].Hint.Evidence.Single(f => f.Name == "span").Value);
        Assert.Equal("failure text", cluster.Causes[0].Hint.Evidence.Single(f => f.Name == "source").Value);
        // The stamped interval is not the test being slow.
        Assert.All(cluster.Tests, t => Assert.DoesNotContain(t.Causes, c => c.Kind == CauseKind.Timing));
    }

    private static TestExecution Failed(string message, string suite, string name = "Shop.SearchTests.Finds", double durationMs = 100)
    {
        var execution = Make(name, TestOutcome.Failed, durationMs: durationMs);
        execution.Suite = suite;
        execution.ErrorMessage = message;
        execution.FailedInSetup = SetupFailures.FailedInSetup(null, message);
        return execution;
    }
}
