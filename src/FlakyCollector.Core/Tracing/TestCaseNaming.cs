namespace FlakyCollector.Tracing;

/// <summary>
/// Derives the semantic-convention names of a test from what vstest reports. Frameworks differ:
/// NUnit puts data-row arguments into the fully qualified name, xUnit and MSTest only into the
/// display name, so arguments are taken from the display name when the full name lacks them.
/// </summary>
public static class TestCaseNaming
{
    /// <summary><c>test.case.name</c>: the fully qualified name, with data-row arguments where known.</summary>
    public static string CaseName(string fullyQualifiedName, string? displayName)
    {
        if (fullyQualifiedName.EndsWith(')') || string.IsNullOrEmpty(displayName))
        {
            return fullyQualifiedName;
        }

        var open = displayName.IndexOf('(', StringComparison.Ordinal);
        return open >= 0 && displayName.EndsWith(')') ? fullyQualifiedName + displayName[open..] : fullyQualifiedName;
    }

    /// <summary><c>test.suite.name</c>: the class, i.e. the full name up to the method.</summary>
    public static string SuiteName(string fullyQualifiedName)
    {
        var withoutArguments = WithoutArguments(fullyQualifiedName);
        var method = MethodStart(withoutArguments);
        return method > 0 ? withoutArguments[..(method - 1)] : fullyQualifiedName;
    }

    /// <summary><c>code.function.name</c>: the method, without arguments.</summary>
    public static string FunctionName(string fullyQualifiedName)
    {
        var withoutArguments = WithoutArguments(fullyQualifiedName);
        return withoutArguments[MethodStart(withoutArguments)..];
    }

    private static int MethodStart(string withoutArguments) => withoutArguments.LastIndexOf('.') + 1;

    private static string WithoutArguments(string name)
    {
        var open = name.IndexOf('(', StringComparison.Ordinal);
        return open > 0 ? name[..open] : name;
    }
}
