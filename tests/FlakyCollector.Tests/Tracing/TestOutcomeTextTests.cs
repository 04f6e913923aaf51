using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Tracing;

public sealed class TestOutcomeTextTests
{
    [Theory]
    [InlineData("Passed", "passed", "pass", false)]
    [InlineData("Failed", "failed", "fail", true)]
    [InlineData("Skipped", "skipped", "skipped", false)]
    [InlineData("NotFound", "notfound", "skipped", false)]
    [InlineData("None", "none", "skipped", false)]
    [InlineData("Timeout", "failed", "fail", true)]
    [InlineData("Error", "failed", "fail", true)]
    [InlineData("Cancelled", "failed", "fail", true)]
    public void ContractValues_EachOutcome_VstestVocabulary(string outcome, string testOutcome, string resultStatus, bool failure)
    {
        var parsed = Enum.Parse<TestOutcome>(outcome);

        Assert.Equal(testOutcome, parsed.ContractValue());
        Assert.Equal(resultStatus, parsed.ResultStatus());
        Assert.Equal(failure, parsed.IsFailure());
    }

    [Theory]
    [InlineData("Passed", "Passed")]
    [InlineData("failed", "Failed")]
    [InlineData("NotFound", "NotFound")]
    [InlineData("something new", "None")]
    [InlineData("42", "None")]
    public void FromVstest_OutcomeName_OurOutcome(string vstest, string expected)
    {
        Assert.Equal(Enum.Parse<TestOutcome>(expected), TestOutcomeText.FromVstest(vstest));
    }
}
