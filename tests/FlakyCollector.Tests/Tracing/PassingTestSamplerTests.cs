using System.Diagnostics;
using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Tracing;

public sealed class PassingTestSamplerTests
{
    [Fact]
    public void Keep_FailingTestOrRetry_AlwaysKept()
    {
        var sampler = new PassingTestSampler(0);

        Assert.True(sampler.Keep(ActivityTraceId.CreateRandom().ToHexString(), failed: true, attempt: 1));
        Assert.True(sampler.Keep(ActivityTraceId.CreateRandom().ToHexString(), failed: false, attempt: 2));
    }

    [Fact]
    public void Keep_RatioZeroOrOne_DropsOrKeepsEveryPassingTest()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();

        Assert.False(new PassingTestSampler(0).Keep(traceId, failed: false, attempt: 1));
        Assert.True(new PassingTestSampler(1).Keep(traceId, failed: false, attempt: 1));
    }

    [Fact]
    public void Keep_Ratio_KeepsAboutThatShareOfPassingTests()
    {
        var sampler = new PassingTestSampler(0.2);

        var kept = Enumerable.Range(0, 20_000).Count(_ => sampler.Keep(ActivityTraceId.CreateRandom().ToHexString(), failed: false, attempt: 1));

        // 20,000 draws at p = 0.2: the standard deviation is about 57, so 3,700..4,300 is over 5 of them.
        Assert.InRange(kept, 3_700, 4_300);
    }

    [Fact]
    public void Keep_SameTraceId_SameDecision()
    {
        var sampler = new PassingTestSampler(0.5);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();

        var first = sampler.Keep(traceId, failed: false, attempt: 1);

        Assert.All(Enumerable.Range(0, 10), _ => Assert.Equal(first, sampler.Keep(traceId, failed: false, attempt: 1)));
    }
}
