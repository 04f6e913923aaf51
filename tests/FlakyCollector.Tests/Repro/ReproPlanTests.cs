using FlakyCollector.Repro;

namespace FlakyCollector.Tests.Repro;

public sealed class ReproPlanTests
{
    [Fact]
    public void Parse_FullPlan_ReadsEveryLine()
    {
        var plan = ReproPlan.Parse("\n  test=Ns.C.M\n  test=Ns.C.N\n  action=delay\n  span=HTTP GET localhost/price/{id}\n  by=250ms\n", out var problem);

        Assert.Null(problem);
        Assert.NotNull(plan);
        Assert.Equal(["Ns.C.M", "Ns.C.N"], plan.Tests);
        Assert.Equal(ReproAction.Delay, plan.Action);
        Assert.Equal(TimeSpan.FromMilliseconds(250), plan.By);
        Assert.True(plan.Span.IsHttpClient);
    }

    [Fact]
    public void Parse_Nothing_IsNoPlanAndNoProblem()
    {
        Assert.Null(ReproPlan.Parse(null, out var problem));
        Assert.Null(problem);
        Assert.Null(ReproPlan.Parse("  ", out problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("test=T\nspan=S")]
    [InlineData("test=T\naction=explode\nspan=S")]
    [InlineData("action=delay\nspan=S")]
    [InlineData("test=T\naction=delay\nspan=S\nby=soon")]
    [InlineData("test=T\naction=fail-with-status\nspan=S\nstatus=99")]
    [InlineData("test=T\naction=fail-with-status\nspan=S\nscope=everywhere")]
    public void Parse_Invalid_InjectsNothingAndSaysWhy(string text)
    {
        Assert.Null(ReproPlan.Parse(text, out var problem));
        Assert.Contains("nothing is injected", problem);
    }

    [Fact]
    public void Parse_ScopeFixture_ActsOnSetUpCallsOnly()
    {
        Assert.True(ReproPlan.Parse("test=T\naction=fail-with-status\nspan=HTTP *\nscope=fixture", out _)!.FixtureOnly);
        Assert.False(ReproPlan.Parse("test=T\naction=fail-with-status\nspan=HTTP *", out _)!.FixtureOnly);
    }

    [Fact]
    public void Parse_Hold_DefaultsToABound()
    {
        Assert.Equal(ReproPlan.DefaultHold, ReproPlan.Parse("test=T\naction=hold-until-test-ends\nspan=S", out _)!.By);
    }

    [Theory]
    [InlineData("Ns.C.M", "Ns.C.M", true)]
    [InlineData("Ns.C.M(x: 1)", "Ns.C.M", true)]
    [InlineData("Ns.C.M", "Ns.C.M(1,2)", true)]
    [InlineData("Ns.C.M[first row]", "Ns.C.M", true)]
    [InlineData("Ns.C.M", "Ns.C.M2", false)]
    [InlineData("Ns.C.M", "Ns.C.Other", false)]
    public void IsTestUnderRepro_MatchesTheHookKeyOfTheTestOrItsRows(string test, string operationName, bool expected)
    {
        var plan = ReproPlan.Parse($"test={test}\naction=delay\nspan=S\nby=1ms", out _)!;

        Assert.Equal(expected, plan.IsTestUnderRepro(operationName));
    }

    [Theory]
    [InlineData("Ns.Search.Finds", true)]
    [InlineData("Ns.Search.Finds(term: \"a.b\")", true)]
    [InlineData("Ns.Other.Finds", false)]
    public void ServesTestUnderRepro_TheClassOfATestUnderRepro(string test, bool serves)
    {
        var plan = ReproPlan.Parse($"test={test}\naction=fail-with-status\nspan=HTTP POST h/warmup", out _)!;

        Assert.Equal(serves, plan.ServesTestUnderRepro(["Ns.Catalog", "Ns.Search"]));
        Assert.False(plan.ServesTestUnderRepro([]));
        Assert.False(plan.ServesTestUnderRepro(null));
    }

    [Fact]
    public void Parse_StartAmidTests_NeedsNoSpanAndReadsTheCrowd()
    {
        var plan = ReproPlan.Parse("test=Ns.S.Saves\naction=start-amid-tests\namid=Ns.E.Exports\namid=Ns.B.Verifies\ncount=5", out var problem);

        Assert.Null(problem);
        Assert.Equal(["Ns.E.Exports", "Ns.B.Verifies"], plan!.Amid);
        Assert.Equal(2, plan.Count);
        Assert.Equal(ReproPlan.DefaultWaitForPredecessor, plan.By);
        Assert.True(plan.IsAmid("Ns.B.Verifies"));
        Assert.False(plan.IsAmid("Ns.S.Saves"));
    }
}
