using System.Text.RegularExpressions;

namespace FlakyCollector.Tracing;

/// <summary>
/// Reads an exception type out of a failure message when the test process did not see the
/// exception itself: xUnit and NUnit write <c>Type : message</c>, MSTest <c>threw exception: Type: message</c>.
/// </summary>
internal static partial class ErrorTypeGuess
{
    /// <summary>The <c>error.type</c> of a failure whose type is unknown, as the semantic conventions say.</summary>
    public const string Other = "_OTHER";

    public static string? FromMessage(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }

        var match = TypePrefix().Match(message);
        return match.Success ? match.Groups["type"].Value : null;
    }

    [GeneratedRegex(@"^(?:Test method .*? threw exception:\s*)?(?<type>[A-Za-z_][\w.+`]*(?:Exception|Error))\s?:", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex TypePrefix();
}
