namespace FlakyCollector.Recording;

/// <summary>Tells the framework of a test case from its vstest executor URI.</summary>
public static class TestFrameworkDetector
{
    public static TestFramework FromExecutorUri(Uri? executorUri)
    {
        var text = executorUri?.OriginalString ?? string.Empty;
        if (text.Contains("xunit", StringComparison.OrdinalIgnoreCase))
        {
            return TestFramework.XUnit;
        }

        if (text.Contains("nunit", StringComparison.OrdinalIgnoreCase))
        {
            return TestFramework.NUnit;
        }

        return text.Contains("mstest", StringComparison.OrdinalIgnoreCase) ? TestFramework.MSTest : TestFramework.Unknown;
    }

    /// <summary>The value of the <c>test.framework</c> attribute, or null when unknown.</summary>
    public static string? AttributeValue(TestFramework framework) => framework switch
    {
        TestFramework.XUnit => "xunit",
        TestFramework.NUnit => "nunit",
        TestFramework.MSTest => "mstest",
        _ => null,
    };
}
