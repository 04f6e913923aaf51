using FlakyCollector.Analysis.Repro;

namespace FlakyCollector.Analysis.Tests.Repro;

public sealed class ReproVerdictRuleTests
{
    [Fact]
    public void Decide_ReliableSameFailureAboveBaseline_IsConfirmed()
    {
        var (verdict, _) = ReproVerdictRule.Decide(new(10, 9), new(10, 3), sameFailure: true, ReproEffect.TookEffect, impossible: null);

        Assert.Equal(ReproVerdict.Confirmed, verdict);
    }

    [Fact]
    public void Decide_EightOfTenAgainstNone_IsConfirmed()
    {
        Assert.Equal(ReproVerdict.Confirmed, ReproVerdictRule.Decide(new(10, 8), new(10, 0), true, ReproEffect.TookEffect, null).Verdict);
    }

    [Fact]
    public void Decide_ReliableButAnotherFailure_IsNotConfirmed()
    {
        var (verdict, reason) = ReproVerdictRule.Decide(new(10, 10), new(10, 0), sameFailure: false, ReproEffect.TookEffect, null);

        Assert.Equal(ReproVerdict.NotConfirmed, verdict);
        Assert.Contains("not with the traced failure", reason);
    }

    [Fact]
    public void Decide_SameRateWithAndWithout_IsNotConfirmed()
    {
        Assert.Equal(ReproVerdict.NotConfirmed, ReproVerdictRule.Decide(new(10, 4), new(10, 4), true, ReproEffect.TookEffect, null).Verdict);
        Assert.Equal(ReproVerdict.NotConfirmed, ReproVerdictRule.Decide(new(10, 0), new(10, 0), false, ReproEffect.TookEffect, null).Verdict);
    }

    [Fact]
    public void Decide_AlwaysFailingEitherWay_IsNotConfirmed()
    {
        // Failing without the condition too: the condition is not what fails it.
        Assert.Equal(ReproVerdict.NotConfirmed, ReproVerdictRule.Decide(new(10, 10), new(10, 10), true, ReproEffect.TookEffect, null).Verdict);
    }

    [Fact]
    public void Decide_FailsAloneFarMoreThanInTheTraces_IsInconclusive()
    {
        // The xUnit race test, run alone: its cold process's first send is slow, so it fails 9 of 10
        // times without the condition, where the traced suite failed it 38% of the time.
        var (verdict, reason) = ReproVerdictRule.Decide(new(10, 10), new(10, 9), true, ReproEffect.TookEffect, null, tracedFailureRate: 0.38);

        Assert.Equal(ReproVerdict.Inconclusive, verdict);
        Assert.Contains("9/10", reason, StringComparison.Ordinal);
        Assert.Contains("38%", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_FailsInTheWholeSuiteFarMoreThanInTheTraces_SaysTheSuiteRanAsTraced()
    {
        var (verdict, reason) = ReproVerdictRule.Decide(new(10, 10), new(10, 9), true, ReproEffect.TookEffect, null, tracedFailureRate: 0.38, inSuite: true);

        Assert.Equal(ReproVerdict.Inconclusive, verdict);
        Assert.Contains("of the whole suite", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("cold process", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, 9, 0.38, true)]
    [InlineData(10, 4, 0.33, false)]
    [InlineData(10, 2, 0.0, true)]
    [InlineData(10, 10, 1.0, false)]
    [InlineData(0, 0, 0.1, false)]
    public void BaselineAboveTraced_OnlyWhenFailingAloneIsFarBeyondTheTracedRate(int runs, int failed, double traced, bool expected)
    {
        Assert.Equal(expected, ReproVerdictRule.BaselineAboveTraced(new(runs, failed), traced));
        Assert.False(ReproVerdictRule.BaselineAboveTraced(new(runs, failed), null));
    }

    [Fact]
    public void Decide_FailsWithoutAboutAsOftenAsInTheTraces_TheBaselineHolds()
    {
        Assert.Equal(ReproVerdict.Confirmed, ReproVerdictRule.Decide(new(10, 10), new(10, 5), true, ReproEffect.TookEffect, null, tracedFailureRate: 0.41).Verdict);
        Assert.Equal(ReproVerdict.Confirmed, ReproVerdictRule.Decide(new(10, 10), new(10, 0), true, ReproEffect.TookEffect, null, tracedFailureRate: 0.0).Verdict);
    }

    [Fact]
    public void Decide_StableTestWithAMadeUpCause_StaysNotConfirmed()
    {
        Assert.Equal(ReproVerdict.NotConfirmed, ReproVerdictRule.Decide(new(10, 0), new(10, 0), false, ReproEffect.TookEffect, null, tracedFailureRate: 0.0).Verdict);
    }

    [Fact]
    public void Decide_HigherButUnreliable_IsInconclusive()
    {
        Assert.Equal(ReproVerdict.Inconclusive, ReproVerdictRule.Decide(new(20, 12), new(20, 1), true, ReproEffect.TookEffect, null).Verdict);
    }

    [Fact]
    public void Decide_SpanNeverStartedInTheTest_IsNotConfirmed()
    {
        Assert.Equal(ReproVerdict.NotConfirmed, ReproVerdictRule.Decide(new(10, 0), new(10, 0), false, ReproEffect.NeverHappened, null).Verdict);
    }

    [Fact]
    public void Decide_RunnerWouldNotOrderTheTests_IsInconclusive()
    {
        Assert.Equal(ReproVerdict.Inconclusive, ReproVerdictRule.Decide(new(10, 0), new(10, 0), false, ReproEffect.RunnerDidNot, null).Verdict);
    }

    [Fact]
    public void Decide_ImpossibleOrNotRun_IsInconclusive()
    {
        Assert.Equal(ReproVerdict.Inconclusive, ReproVerdictRule.Decide(new(0, 0), new(0, 0), false, ReproEffect.TookEffect, "no cause").Verdict);
        Assert.Equal(ReproVerdict.Inconclusive, ReproVerdictRule.Decide(new(0, 0), new(10, 1), false, ReproEffect.TookEffect, null).Verdict);
    }
}
