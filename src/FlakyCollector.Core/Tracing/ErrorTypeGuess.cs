using System.Text.RegularExpressions;

namespace FlakyCollector.Tracing;

/// <summary>
/// Reads an exception type out of a failure message when the test process did not see the
/// exception itself: xUnit and NUnit write <c>Type : message</c>, MSTest <c>threw exception: Type: message</c>,
/// NUnit a test whose fixture's one-time set-up failed <c>OneTimeSetUp: Type : message</c> (NUnit 5:
/// <c>OneTimeSetUp: SetUp : Type : message</c>, and <c>SetUp : Type : message</c> for a failed <c>[SetUp]</c>).
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

        var match = Prefix(message);
        return match.Success ? match.Groups["type"].Value : null;
    }

    /// <summary>
    /// The exception's own message: the failure text without the <c>Type : </c> prefix the framework
    /// put before it, when that prefix names <paramref name="type"/>; else the text as it is.
    /// </summary>
    public static string WithoutTypePrefix(string message, string type)
    {
        var match = Prefix(message);
        return match.Success && match.Groups["type"].Value == type ? message[match.Length..].TrimStart(' ') : message;
    }

    /// <summary>True for NUnit's text of a test that never ran because its fixture's one-time set-up failed.</summary>
    public static bool IsOneTimeSetUpFailure(string? message) =>
        message is not null && message.StartsWith(OneTimeSetUpPrefix, StringComparison.Ordinal);

    private const string OneTimeSetUpPrefix = "OneTimeSetUp:";

    // The match timeout is wall-clock time: on a loaded machine a thread descheduled mid-match
    // exceeds it on a short message. The type is a guess; without it the test is still recorded.
    private static Match Prefix(string message)
    {
        try
        {
            return TypePrefix().Match(message);
        }
        catch (RegexMatchTimeoutException)
        {
            return Match.Empty;
        }
    }

    [GeneratedRegex(@"^(?:Test method .*? threw exception:\s*|OneTimeSetUp:\s*)?(?:(?:SetUp|TearDown) : )?(?<type>[A-Za-z_][\w.+`]*(?:Exception|Error))\s?:", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex TypePrefix();
}
