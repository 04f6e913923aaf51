using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Repro;

namespace FlakyCollector.Analysis.Tests.Repro;

public sealed class CauseHypothesisTests
{
    [Theory]
    [InlineData("timing=RenderReport:250ms", "test=T\naction=delay\nspan=RenderReport\nby=250ms")]
    [InlineData("race=SendConfirmation", "test=T\naction=hold-until-test-ends\nspan=SendConfirmation\nby=5000ms")]
    [InlineData("external=HTTP GET localhost/price/{id}:503", "test=T\naction=fail-with-status\nspan=HTTP GET localhost/price/{id}\nstatus=503")]
    [InlineData("external=HTTP GET localhost/price/{id}:refused", "test=T\naction=refuse-connection\nspan=HTTP GET localhost/price/{id}")]
    [InlineData("external=HTTP GET localhost/price", "test=T\naction=refuse-connection\nspan=HTTP GET localhost/price")]
    public void Parse_InjectedCause_PlansTheInjection(string text, string injection)
    {
        var hint = CauseHypothesis.Parse(text, out var problem);

        Assert.Null(problem);
        Assert.Equal(injection, ReproPlanner.Plan(["T"], hint).Injection);
    }

    [Fact]
    public void Parse_OrderAndContention_NameTheOtherTest()
    {
        Assert.Equal(["Ns.A.B"], ReproPlanner.Plan(["T"], CauseHypothesis.Parse("order=Ns.A.B", out _)).Companions);
        Assert.Equal(CauseKind.Contention, CauseHypothesis.Parse("contention=*", out _)!.Kind);
        Assert.True(ReproPlanner.Plan(["T"], CauseHypothesis.Parse("contention=*", out _)).WholeSuite);
    }

    [Theory]
    [InlineData("timing=RenderReport")]
    [InlineData("slow=RenderReport:20ms")]
    [InlineData("external=")]
    [InlineData("race")]
    public void Parse_Malformed_SaysWhatIsAccepted(string text)
    {
        Assert.Null(CauseHypothesis.Parse(text, out var problem));
        Assert.Contains(CauseHypothesis.Syntax, problem);
    }
}
