using FlakyCollector.Analysis.Repro;

namespace FlakyCollector.Analysis.Tests.Repro;

public sealed class FailureTextTests
{
    private const string Fixture = "Collection fixture type 'Ns.SearchIndexFixture' threw in its constructor";

    [Fact]
    public void SameShape_AnUnknownTypeOnEitherSideLetsTheMessageDecide()
    {
        var traced = FailureText.Shape(FailureText.Headline("Xunit.MicrosoftTestingPlatform.XunitException", Fixture));
        var reproduced = FailureText.Shape(FailureText.Headline("_OTHER", Fixture));

        Assert.True(FailureText.SameShape(traced, reproduced));
        Assert.True(FailureText.SameShape(reproduced, traced));
    }

    [Fact]
    public void SameShape_TwoKnownTypesMustAgree()
    {
        var traced = FailureText.Shape(FailureText.Headline("System.TimeoutException", "pool exhausted"));

        Assert.False(FailureText.SameShape(traced, FailureText.Shape(FailureText.Headline("System.InvalidOperationException", "pool exhausted"))));
        Assert.False(FailureText.SameShape(traced, FailureText.Shape(FailureText.Headline("_OTHER", "another message"))));
        Assert.True(FailureText.SameShape(traced, FailureText.Shape(FailureText.Headline("System.TimeoutException", "pool exhausted"))));
    }

    [Fact]
    public void SameShape_MSTestExceptionsDifferBeyondTheirCommonOpeningLine()
    {
        // The reference suite's deadline test: cancelled in flight in the traces, before sending when held at its start.
        const string Type = "System.Threading.Tasks.TaskCanceledException";
        var traced = FailureText.Shape(FailureText.Headline(Type,
            "Test method RealFlakyMSTest.QuoteTests.Loads_Sales_Report threw exception:\r\nSystem.Threading.Tasks.TaskCanceledException: The operation was canceled. ---> System.Threading.Tasks.TaskCanceledException: The operation was canceled."));
        var heldAtItsStart = FailureText.Shape(FailureText.Headline(Type,
            "Test method RealFlakyMSTest.QuoteTests.Loads_Sales_Report threw exception:\r\nSystem.Threading.Tasks.TaskCanceledException: A task was canceled. ---> System.Threading.Tasks.TaskCanceledException: A task was canceled."));

        Assert.False(FailureText.SameShape(traced, heldAtItsStart));
    }
}
