using FlakyCollector.Logging;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using OurOutcome = FlakyCollector.Tracing.TestOutcome;

namespace FlakyCollector.Logger.Tests;

public sealed class CompletedTestReaderTests
{
    private static readonly TestCase Case = new("Shop.Tests.OrdersTests.Create", new Uri("executor://xunit/VsTestRunner2/netcoreapp"), "/bin/Shop.Tests.dll")
    {
        DisplayName = "Shop.Tests.OrdersTests.Create(amount: 5)",
    };

    [Theory]
    [InlineData(TestOutcome.Passed, nameof(OurOutcome.Passed))]
    [InlineData(TestOutcome.Failed, nameof(OurOutcome.Failed))]
    [InlineData(TestOutcome.Skipped, nameof(OurOutcome.Skipped))]
    [InlineData(TestOutcome.NotFound, nameof(OurOutcome.NotFound))]
    [InlineData(TestOutcome.None, nameof(OurOutcome.None))]
    public void From_VstestOutcome_OurOutcome(TestOutcome vstest, string expected)
    {
        var test = CompletedTestReader.From(new TestResult(Case) { Outcome = vstest });

        Assert.Equal(Enum.Parse<OurOutcome>(expected), test.Outcome);
    }

    [Fact]
    public void From_FailedResult_TheTextDotnetTestPrintsAndTheOutput()
    {
        var result = new TestResult(Case)
        {
            Outcome = TestOutcome.Failed,
            ErrorMessage = "Assert.Equal() Failure",
            ErrorStackTrace = "at Shop.Tests.OrdersTests.Create()",
        };
        result.Messages.Add(new TestResultMessage(TestResultMessage.StandardOutCategory, "first "));
        result.Messages.Add(new TestResultMessage(TestResultMessage.StandardOutCategory, "second"));

        var test = CompletedTestReader.From(result);

        Assert.Equal("Assert.Equal() Failure", test.ErrorMessage);
        Assert.Equal("at Shop.Tests.OrdersTests.Create()", test.ErrorStackTrace);
        Assert.Equal("first second", test.Output);
        Assert.Null(test.ErrorOutput);
        Assert.Equal(Case.DisplayName, test.DisplayName);
        Assert.Null(test.Payload);
    }

    [Fact]
    public void From_OutputInterleavedWithErrorOutputAndEmptyMessages_EachJoinedInOrder()
    {
        var result = new TestResult(Case) { Outcome = TestOutcome.Passed };
        result.Messages.Add(new TestResultMessage(TestResultMessage.StandardErrorCategory, "warn 1\n"));
        result.Messages.Add(new TestResultMessage(TestResultMessage.StandardOutCategory, "out 1\n"));
        result.Messages.Add(new TestResultMessage(TestResultMessage.StandardOutCategory, ""));
        result.Messages.Add(new TestResultMessage(TestResultMessage.StandardErrorCategory, "warn 2"));
        result.Messages.Add(new TestResultMessage(TestResultMessage.AdditionalInfoCategory, "not output"));

        var test = CompletedTestReader.From(result);

        Assert.Equal("out 1\n", test.Output);
        Assert.Equal("warn 1\nwarn 2", test.ErrorOutput);
    }

    [Fact]
    public void From_TestCaseTraits_KeptInOrder_NoneIsEmpty()
    {
        var withTraits = new TestCase(Case.FullyQualifiedName, Case.ExecutorUri, Case.Source);
        withTraits.Traits.Add("Category", "Slow");
        withTraits.Traits.Add("Owner", "payments");

        Assert.Equal(
            [new("Category", "Slow"), new("Owner", "payments")],
            CompletedTestReader.From(new TestResult(withTraits)).Traits);
        Assert.Empty(CompletedTestReader.From(new TestResult(Case)).Traits);
    }
}
