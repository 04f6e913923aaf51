namespace FlakyCollector.Tracing;

/// <summary>
/// Derives the semantic-convention names of a test from what vstest reports. Frameworks differ:
/// NUnit puts data-row arguments into the fully qualified name, xUnit and MSTest only into the
/// display name, so arguments are taken from the display name when the full name lacks them.
/// </summary>
internal static class TestCaseNaming
{
    /// <summary>
    /// <c>test.case.name</c>: the fully qualified name, with the data row where known: generic
    /// arguments and arguments as the display name gives them (<c>NotNull&lt;Int32&gt;(value: 1)</c>),
    /// or, for a display name that is not the method's (MSTest <c>DisplayName = "first row"</c>),
    /// that name in brackets, so that distinct tests never share a name.
    /// </summary>
    public static string CaseName(string fullyQualifiedName, string? displayName)
    {
        if (fullyQualifiedName.EndsWith(')') || string.IsNullOrEmpty(displayName) || displayName == fullyQualifiedName)
        {
            return fullyQualifiedName;
        }

        var method = FunctionName(fullyQualifiedName);
        var rest = displayName.StartsWith(fullyQualifiedName, StringComparison.Ordinal) ? displayName[fullyQualifiedName.Length..]
            : displayName.StartsWith(method, StringComparison.Ordinal) ? displayName[method.Length..]
            : null;
        rest = rest?.TrimStart();
        return rest switch
        {
            "" => fullyQualifiedName,
            ['<' or '(', ..] => fullyQualifiedName + rest,
            _ => $"{fullyQualifiedName}[{displayName}]",
        };
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
