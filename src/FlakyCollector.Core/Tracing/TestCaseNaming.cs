using System.Runtime.CompilerServices;

namespace FlakyCollector.Tracing;

/// <summary>
/// Derives the semantic-convention names of a test from what vstest reports. Frameworks differ:
/// NUnit puts data-row arguments into the fully qualified name, xUnit and MSTest only into the
/// display name, so arguments are taken from the display name when the full name lacks them.
/// </summary>
/// <remarks>
/// Runs for every test, in the platform's test process too, whose runtime never optimises the
/// BCL's generic vectorised searches (<c>IndexOf</c>, <c>LastIndexOf</c> on a string): names are
/// a few dozen characters, so they are scanned with plain loops compiled optimised at first call.
/// </remarks>
internal static class TestCaseNaming
{
    /// <summary>
    /// <c>test.case.name</c>: the fully qualified name, with the data row where known: generic
    /// arguments and arguments as the display name gives them (<c>NotNull&lt;Int32&gt;(value: 1)</c>),
    /// or, for a display name that is not the method's (MSTest <c>DisplayName = "first row"</c>),
    /// that name in brackets, so that distinct tests never share a name.
    /// </summary>
    public static string CaseName(string fullyQualifiedName, string? displayName) => CaseName(fullyQualifiedName, displayName, Parts.Of(fullyQualifiedName));

    /// <summary><c>test.suite.name</c>: the class, i.e. the full name up to the method.</summary>
    public static string SuiteName(string fullyQualifiedName) => Parts.Of(fullyQualifiedName).Suite(fullyQualifiedName);

    /// <summary><c>code.function.name</c>: the method, without arguments.</summary>
    public static string FunctionName(string fullyQualifiedName) => Parts.Of(fullyQualifiedName).Function(fullyQualifiedName);

    /// <summary>The three names at once, from one scan of the full name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static TestNames Names(string fullyQualifiedName, string? displayName)
    {
        var parts = Parts.Of(fullyQualifiedName);
        return new TestNames(CaseName(fullyQualifiedName, displayName, parts), parts.Suite(fullyQualifiedName), parts.Function(fullyQualifiedName));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string CaseName(string fullyQualifiedName, string? displayName, Parts parts)
    {
        if (fullyQualifiedName.EndsWith(')') || string.IsNullOrEmpty(displayName) || displayName == fullyQualifiedName)
        {
            return fullyQualifiedName;
        }

        var method = fullyQualifiedName.AsSpan(parts.MethodStart, parts.MethodEnd - parts.MethodStart);
        var shown = displayName.AsSpan();
        var named = shown.StartsWith(fullyQualifiedName, StringComparison.Ordinal) ? fullyQualifiedName.Length
            : shown.StartsWith(method, StringComparison.Ordinal) ? method.Length
            : -1;
        if (named < 0)
        {
            return $"{fullyQualifiedName}[{displayName}]";
        }

        var rest = shown[named..].TrimStart();
        return rest switch
        {
            [] => fullyQualifiedName,
            ['<' or '(', ..] => string.Concat(fullyQualifiedName, rest),
            _ => $"{fullyQualifiedName}[{displayName}]",
        };
    }

    /// <summary>Where the method's name starts and ends (before its arguments) in a full name.</summary>
    private readonly record struct Parts(int MethodStart, int MethodEnd)
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static Parts Of(string name)
        {
            // Arguments start at the first '(' (a quoted argument may hold dots); one at the very start is not arguments.
            var end = name.Length;
            for (var i = 0; i < name.Length; i++)
            {
                if (name[i] == '(')
                {
                    end = i > 0 ? i : name.Length;
                    break;
                }
            }

            var start = end;
            while (start > 0 && name[start - 1] != '.')
            {
                start--;
            }

            return new Parts(start, end);
        }

        public string Suite(string name) => MethodStart > 0 ? name[..(MethodStart - 1)] : name;

        public string Function(string name) => MethodStart == 0 && MethodEnd == name.Length ? name : name[MethodStart..MethodEnd];
    }
}
