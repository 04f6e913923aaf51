namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>
/// Checks that a traced run recorded every test as the TRX of the same run did: one span per
/// result, the same outcome and failure text, a status for every outcome, distinct names for
/// distinct tests, and durations that agree by the rule of <see cref="DurationAgreement"/>.
/// </summary>
public static class TrxAgreement
{
    public static void AssertEveryTestTraced(SampleRun run)
    {
        Assert.NotEmpty(run.TrxResults);
        Assert.Equal(run.TrxResults.Count, run.TestSpans.Count);
        var unmatched = run.TestSpans.ToList();
        foreach (var result in run.TrxResults)
        {
            var span = unmatched.Where(s => s.Name == result.TestName)
                .MinBy(s => Math.Abs((s.EndUnixNano / 1_000_000) - result.End.ToUnixTimeMilliseconds()))
                ?? throw new Xunit.Sdk.XunitException($"no span for {result.TestName}; spans: {string.Join(", ", run.TestSpans.Select(s => s.Name))}");
            unmatched.Remove(span);

            var status = result.Outcome switch { "Passed" => "pass", "Failed" => "fail", _ => "skipped" };
            Assert.Equal(status, span.Attribute("test.case.result.status"));
            Assert.Equal(result.Outcome == "Failed" ? 2 : 0, span.StatusCode);
            if (result.Outcome == "Failed")
            {
                Assert.Equal(Normalize(result.ErrorMessage), Normalize(span.StatusMessage));
            }

            if (DurationAgreement.IsTimed(span, result) && DurationAgreement.Disagreement(span, result) is { } problem)
            {
                throw new Xunit.Sdk.XunitException(problem);
            }
        }

        var distinctTests = run.TrxResults.Select(r => (r.ClassName, r.TestName)).Distinct().Count();
        Assert.Equal(distinctTests, run.TestSpans.Select(s => s.Attribute("test.case.name")).Distinct().Count());
    }

    private static string? Normalize(string? text) => text?.ReplaceLineEndings("\n").TrimEnd();
}
