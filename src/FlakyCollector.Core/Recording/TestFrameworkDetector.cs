namespace FlakyCollector.Recording;

/// <summary>Tells the framework of a test case from its vstest executor URI, or of a test application from its references.</summary>
internal static class TestFrameworkDetector
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

    /// <summary>The framework a test application references, from its referenced assemblies' names.</summary>
    public static TestFramework FromAssemblyNames(IEnumerable<string?> names)
    {
        foreach (var name in names)
        {
            switch (name)
            {
                case "xunit.v3.core" or "xunit.core":
                    return TestFramework.XUnit;
                case "nunit.framework":
                    return TestFramework.NUnit;
                case "MSTest.TestFramework" or "Microsoft.VisualStudio.TestPlatform.TestFramework":
                    return TestFramework.MSTest;
                case "TUnit.Core":
                    return TestFramework.TUnit;
            }
        }

        return TestFramework.Unknown;
    }

    /// <summary>The value of the <c>test.framework</c> attribute, or null when unknown.</summary>
    public static string? AttributeValue(TestFramework framework) => framework switch
    {
        TestFramework.XUnit => "xunit",
        TestFramework.NUnit => "nunit",
        TestFramework.MSTest => "mstest",
        TestFramework.TUnit => "tunit",
        _ => null,
    };
}
