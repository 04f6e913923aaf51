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
}
