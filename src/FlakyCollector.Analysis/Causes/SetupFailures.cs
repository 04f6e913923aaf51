using System.Text.RegularExpressions;
using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Causes;

/// <summary>
/// A test that failed before its body ran: the class or collection fixture, the OneTimeSetUp or
/// the ClassInitialize that served it failed, and the framework failed each of its tests with that
/// failure. The collector says so where it can tell (<c>flakytrace.failure.phase=setup</c>);
/// otherwise the frameworks' own words do: xUnit's "fixture type 'T' threw in its constructor" (or
/// "in InitializeAsync"), NUnit's "OneTimeSetUp:" and MSTest's "Class/Assembly Initialization
/// method M threw exception". Such an execution says nothing about the test's body: its interval
/// is the fixture's, and its concurrency and reads are not the test's. What failed the setup is in
/// the fixture's linked spans, or failing that, in the failure text.
/// </summary>
internal static partial class SetupFailures
{
    private const string SetupPhase = "setup";

    public static bool FailedInSetup(string? phase, string? message) =>
        phase == SetupPhase || (message is not null && (
            message.StartsWith("OneTimeSetUp:", StringComparison.Ordinal)
            || XunitFixture().IsMatch(message)
            || MSTestInitialization().IsMatch(message)));

    private const string LabelPrefix = "setup ";

    /// <summary>
    /// The dependency failure a setup failure's text names, labelled by the setup that met it, e.g.
    /// <c>setup SearchIndexFixture: HTTP 503</c>; null when the text names none (an assertion, a
    /// timeout, a bug of the fixture's own).
    /// </summary>
    public static string? DependencyFailureLabel(TestExecution execution)
    {
        if (!execution.FailedInSetup || execution.ErrorMessage is not { } message)
        {
            return null;
        }

        var what = DependencyFailureIn(message);
        return what is null ? null : $"{LabelPrefix}{SetupName(execution, message)}: {what}";
    }

    /// <summary>What a <see cref="DependencyFailureLabel"/> says the setup met (<c>HTTP 503</c>, <c>connection refused</c>); null for any other label.</summary>
    public static string? DependencyFailureOf(string label) =>
        label.StartsWith(LabelPrefix, StringComparison.Ordinal) && label.IndexOf(": ", LabelPrefix.Length, StringComparison.Ordinal) is > 0 and var colon
            ? label[(colon + 2)..]
            : null;

    internal static string? DependencyFailureIn(string message)
    {
        if (ServerError().Match(message) is { Success: true } status)
        {
            return "HTTP " + status.Groups["code"].Value;
        }

        return message.Contains("Connection refused", StringComparison.OrdinalIgnoreCase)
            || message.Contains("actively refused", StringComparison.OrdinalIgnoreCase)
            || message.Contains("No connection could be made", StringComparison.OrdinalIgnoreCase)
                ? "connection refused"
                : message.Contains("Connection reset", StringComparison.OrdinalIgnoreCase) ? "connection reset" : null;
    }

    private static string SetupName(TestExecution execution, string message)
    {
        if (XunitFixture().Match(message) is { Success: true } fixture)
        {
            return LastSegment(fixture.Groups["name"].Value);
        }

        if (MSTestInitialization().Match(message) is { Success: true } method)
        {
            return LastSegment(method.Groups["name"].Value[..Math.Max(0, method.Groups["name"].Value.LastIndexOf('.'))]) + "." + LastSegment(method.Groups["name"].Value);
        }

        return LastSegment(execution.Suite ?? "fixture") + ".OneTimeSetUp";
    }

    private static string LastSegment(string name) => name[(name.LastIndexOf('.') + 1)..];

    [GeneratedRegex(@"fixture type '(?<name>[^']+)' threw in (its constructor|InitializeAsync)", RegexOptions.CultureInvariant)]
    private static partial Regex XunitFixture();

    [GeneratedRegex(@"^(Class|Assembly) Initialization method (?<name>\S+) threw exception", RegexOptions.CultureInvariant)]
    private static partial Regex MSTestInitialization();

    [GeneratedRegex(@"status code does not indicate success: (?<code>5\d\d)", RegexOptions.CultureInvariant)]
    private static partial Regex ServerError();
}
