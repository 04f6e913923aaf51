using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Rendering;
using static FlakyCollector.Analysis.Tests.Causes.ExecutionFactory;

namespace FlakyCollector.Analysis.Tests.Flakiness;

/// <summary>The one line a reader sees of a failure: the line that says what went wrong, and whose test it was.</summary>
public sealed class FailureHeadlineTests
{
    [Theory]
    // MSTest 4: Assert.Fail opens with "Assertion failed." and the caller's text follows on the next line.
    [InlineData("Assertion failed.\nservice answered 503", "service answered 503")]
    [InlineData("Assertion failed.\r\n\r\n  service answered 503\r\n  at line 2", "service answered 503")]
    [InlineData("Assert.AreEqual failed.\nExpected:<200>. Actual:<503>.", "Expected:<200>. Actual:<503>.")]
    [InlineData("Assert.That failed:\n  Expected: 200\n  But was:  503", "Expected: 200")]
    [InlineData("Assertion failed.", "Assertion failed.")]
    [InlineData("Assert.Equal() Failure: Values differ\nExpected: 200\nActual:   503", "Assert.Equal() Failure: Values differ")]
    [InlineData("service answered 503", "service answered 503")]
    // MSTest's opening line for any exception a test throws says nothing; the exception does, on the next line or the same one.
    [InlineData("Test method Shop.Tests.QuoteTests.Loads_Sales_Report threw exception:\r\nSystem.Threading.Tasks.TaskCanceledException: The operation was canceled. ---> System.IO.IOException: closed",
        "System.Threading.Tasks.TaskCanceledException: The operation was canceled. ---> System.IO.IOException: closed")]
    [InlineData("Test method Shop.Tests.OrdersTests.Create threw exception: System.TimeoutException: took too long", "System.TimeoutException: took too long")]
    [InlineData("", "")]
    public void Headline_ShowsTheInformativeLine(string message, string line) =>
        Assert.Equal($"Some.Exception: {line}", FailureHeadlines.Headline("Some.Exception", message));

    [Fact]
    public void Top_MSTestFailures_CountedByTheirInformativeLine()
    {
        var executions = new List<TestExecution>
        {
            Failed("Assertion failed.\nservice answered 503"),
            Failed("Assertion failed.\nservice answered 502"),
            Failed("Assertion failed.\nstock 3 missing"),
        };

        var (example, count) = FailureHeadlines.Top(executions);

        Assert.Equal(2, count);
        Assert.StartsWith("Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException: service answered 50", example, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_TwoServicesShareATestName_EachNamesItsService()
    {
        var orders = Service(Make("Api.Tests.Get_ReturnsOk", TestOutcome.Failed, run: "r1"), "Orders.Tests");
        var stock = Service(Make("Api.Tests.Get_ReturnsOk", TestOutcome.Passed, run: "r1"), "Stock.Tests");
        var alone = Service(Make("Api.Tests.Alone", TestOutcome.Passed, run: "r1"), "Stock.Tests");

        var report = FlakinessAnalyzer.Analyze(new TraceCorpus([orders, stock, alone], new InputSummary()));
        var names = report.Tests.Select(t => ClusterText.Name(report, t)).Order(StringComparer.Ordinal);

        Assert.Equal(["Api.Tests.Alone", "Api.Tests.Get_ReturnsOk (Orders.Tests)", "Api.Tests.Get_ReturnsOk (Stock.Tests)"], names);
        using var writer = new StringWriter();
        ConsoleReportWriter.Write(report, writer);
        Assert.Contains("Api.Tests.Get_ReturnsOk (Orders.Tests)  failed 1/1", writer.ToString(), StringComparison.Ordinal);
    }

    private static TestExecution Failed(string message)
    {
        var execution = Make("T", TestOutcome.Failed);
        execution.ErrorType = "Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException";
        execution.ErrorMessage = message;
        return execution;
    }

    private static TestExecution Service(TestExecution execution, string service)
    {
        execution.ServiceName = service;
        return execution;
    }
}
