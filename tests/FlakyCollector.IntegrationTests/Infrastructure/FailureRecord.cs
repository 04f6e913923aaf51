namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>
/// What every sample's span says of its failures: the exception that failed the test, its own
/// message, and a test that never ran because its fixture's one-time set-up failed.
/// </summary>
public static class FailureRecord
{
    /// <summary>The failing assertion's type, though the test then disposed stubs that threw and caught inside.</summary>
    public static void AssertTheAssertionFailedTheTest(SampleRun run, string sample)
    {
        var expected = sample switch
        {
            _ when sample.StartsWith("Xunit", StringComparison.Ordinal) => "Xunit.Sdk.EqualException",
            _ when sample.StartsWith("NUnit", StringComparison.Ordinal) => "NUnit.Framework.AssertionException",
            _ when sample.StartsWith("MSTest", StringComparison.Ordinal) => "Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException",
            _ => "TUnit.Assertions.Exceptions.AssertionException",
        };
        var cleanup = run.TestSpans.Single(s => s.Attribute("code.function.name") == "Fails_ThenDisposesAStub");
        Assert.Equal(2, cleanup.StatusCode);
        Assert.Equal(expected, cleanup.Attribute("error.type"));
        Assert.Equal(expected, cleanup.Events.Single(e => e.Name == "exception").Attributes["exception.type"]);
    }

    /// <summary>The exception's own message: the failure text without the type the framework wrote before it.</summary>
    public static void AssertOwnMessage(string? reported, string? errorType, string? exceptionMessage)
    {
        var text = Normalize(reported) ?? string.Empty;
        var own = Normalize(exceptionMessage) ?? string.Empty;
        Assert.EndsWith(own, text, StringComparison.Ordinal);
        Assert.False(errorType is not null && own.StartsWith(errorType, StringComparison.Ordinal), $"'{own}' still starts with its type");
        Assert.DoesNotContain("threw exception:", own, StringComparison.Ordinal);
    }

    /// <summary>NUnit: the tests of a fixture whose [OneTimeSetUp] failed did not run, and took none of its time.</summary>
    public static void AssertNeverRanInSetup(SampleRun run)
    {
        var neverRan = run.TestSpans.Where(s => s.Attribute("test.suite.name")?.EndsWith(".BrokenOneTimeSetUp", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, neverRan.Count);
        Assert.All(neverRan, s =>
        {
            Assert.Equal(2, s.StatusCode);
            Assert.Equal("setup", s.Attribute("flakytrace.failure.phase"));
            Assert.Equal("System.Net.Http.HttpRequestException", s.Attribute("error.type"));
            Assert.Equal(TimeSpan.Zero, s.Duration);
            Assert.Contains("dependency refused the connection", s.StatusMessage, StringComparison.Ordinal);
        });
    }

    private static string? Normalize(string? text) => text?.ReplaceLineEndings("\n").Trim();
}
