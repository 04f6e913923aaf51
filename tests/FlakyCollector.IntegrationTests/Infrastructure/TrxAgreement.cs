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

    /// <summary>
    /// Every span lasts as long as the framework timed its test, within 10% or 5 ms (and the TRX's
    /// rounding): where the hook saw another interval, the span takes the framework's.
    /// </summary>
    public static void AssertDurationsAgree(SampleRun run)
    {
        var unmatched = run.TestSpans.ToList();
        var rows = new List<string>();
        var off = 0;
        foreach (var result in run.TrxResults.Where(r => r.Outcome is "Passed" or "Failed"))
        {
            // MSTest names a test by its method alone: the class tells same-named tests of parallel classes apart.
            var span = unmatched.Where(s => s.Name == result.TestName
                    && (result.ClassName.Length == 0 || result.ClassName.EndsWith(s.Attribute("test.suite.name") ?? "?", StringComparison.Ordinal)))
                .MinBy(s => Math.Abs((s.EndUnixNano / 1_000_000) - result.End.ToUnixTimeMilliseconds()));
            if (span is null)
            {
                continue;
            }

            unmatched.Remove(span);
            if (span.Attribute("flakytrace.failure.phase") == "setup")
            {
                continue; // never ran: it took none of the fixture's time, whatever the framework reports
            }

            var tolerance = TimeSpan.FromTicks(Math.Max(result.Duration.Ticks / 10, TimeSpan.FromMilliseconds(5).Ticks) + TimeSpan.TicksPerMillisecond);
            var agrees = (span.Duration - result.Duration).Duration() <= tolerance;
            off += agrees ? 0 : 1;
            rows.Add($"{(agrees ? " " : "!")} {result.TestName} ({result.Outcome}): span {span.Duration.TotalMilliseconds:0.0} ms, TRX {result.Duration.TotalMilliseconds:0.0} ms, {span.Attribute("flakytrace.timing")}");
        }

        Assert.True(off == 0, $"{off} of {rows.Count} spans off the TRX by more than 10% and 5 ms:\n{string.Join("\n", rows)}");
    }

    private static string? Normalize(string? text) => text?.ReplaceLineEndings("\n").TrimEnd();
}
