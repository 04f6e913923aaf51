using FlakyCollector.Recording;


namespace FlakyCollector.Vstest;

/// <summary>
/// The key under which the hooks file a test's activity, computed here from the vstest test case
/// the same way: the fully qualified name for xUnit (class + method) and NUnit (its FullName, data
/// arguments included); class + display name for MSTest, whose data rows share one method name.
/// </summary>
internal static class TestKeys
{
    public static string ForTestCase(TestFramework framework, string fullyQualifiedName, string displayName)
    {
        if (framework != TestFramework.MSTest)
        {
            return fullyQualifiedName;
        }

        var methodStart = fullyQualifiedName.LastIndexOf('.');
        return methodStart > 0 ? fullyQualifiedName[..methodStart] + "." + displayName : fullyQualifiedName;
    }
}
