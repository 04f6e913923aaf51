using FlakyCollector.Analysis.Causes;
using FlakyCollector.Analysis.Repro;

namespace FlakyTrace.Cli.Tests;

public sealed class ReproExperimentTests
{
    private static readonly ReproCondition Race = new()
    {
        Tests = ["Ns.Confirmation.Sends_Order_Confirmation"],
        Kind = CauseKind.Race,
        Cause = "race: Shop.Notifications send",
        Injection = "test=Ns.Confirmation.Sends_Order_Confirmation\naction=hold-until-test-ends\nspan=send\nby=5000ms",
    };

    [Fact]
    public void InSuite_WhenTheTestAloneFailsFarMoreThanTraced_AndTheConditionIsInjected()
    {
        // The xUnit race test alone in a cold process: 9 of 10 without the condition, 38% in the traced suite.
        Assert.True(ReproExperiment.InSuiteWhenAloneIsNoBaseline(Race, [(new ReproCounts(10, 9), 0.38)]));
    }

    [Fact]
    public void NotInSuite_WhenTheBaselineAloneHolds()
    {
        Assert.False(ReproExperiment.InSuiteWhenAloneIsNoBaseline(Race, [(new ReproCounts(10, 4), 0.33)]));
        Assert.False(ReproExperiment.InSuiteWhenAloneIsNoBaseline(Race, [(new ReproCounts(10, 9), null)]));
    }

    [Fact]
    public void InSuite_WhenAnyMemberOfAClusterFailsFarMoreThanTraced()
    {
        Assert.True(ReproExperiment.InSuiteWhenAloneIsNoBaseline(Race, [(new ReproCounts(10, 1), 0.15), (new ReproCounts(10, 8), 0.15)]));
    }

    [Fact]
    public void NotInSuite_ForOrderContentionOrAWholeSuiteAlready()
    {
        // Their runs without are the test alone by design: the condition is which tests run with it.
        var failsAlone = new[] { (new ReproCounts(10, 9), (double?)0.2) };
        Assert.False(ReproExperiment.InSuiteWhenAloneIsNoBaseline(Race with { Companions = ["Ns.Import.Imports"], Serial = true }, failsAlone));
        Assert.False(ReproExperiment.InSuiteWhenAloneIsNoBaseline(Race with { Injection = null, WholeSuite = true }, failsAlone));
        Assert.False(ReproExperiment.InSuiteWhenAloneIsNoBaseline(Race with { Injection = null }, failsAlone));
    }
}
