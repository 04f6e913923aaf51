using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Tracing;

public sealed class TestSpanSelectionTests
{
    [Fact]
    public void Select_FailuresRunAgain_NumberedOnUntilOnePasses()
    {
        var selection = Selection();

        var attempts = new[] { CompletedTests.Failed(), CompletedTests.Failed(), CompletedTests.Passed(), CompletedTests.Failed() }
            .Select(test => Attempt(selection.Select(test)!))
            .ToList();

        Assert.Equal([1L, 2L, 3L, 1L], attempts);
    }

    [Fact]
    public void Select_ManyPassingTests_RemembersOnlyTheOnesWhoseLastAttemptFailed()
    {
        // A run of 100,000 tests would otherwise hold every test's assembly path and name to its end.
        var selection = Selection();
        for (var i = 0; i < 1_000; i++)
        {
            selection.Select(CompletedTests.Passed($"Create{i}"));
        }

        selection.Select(CompletedTests.Failed());
        selection.Select(CompletedTests.Failed() with { FullyQualifiedName = "Shop.Tests.OrdersTests.Cancel", DisplayName = "Shop.Tests.OrdersTests.Cancel" });
        Assert.Equal(2, selection.Remembered);

        selection.Select(CompletedTests.Passed());
        Assert.Equal(1, selection.Remembered);
    }

    private static TestSpanSelection Selection() =>
        new("run-1", new RunStructure("run-1", "1.0.0"), new PassingTestSampler(1));

    private static long Attempt(Spans.SpanData span) =>
        (long)span.Attributes.Single(a => a.Key == "test.case.attempt").Value;
}
