using System.Runtime.CompilerServices;
using FlakyCollector.Recording;
using FlakyCollector.Tracing;
using Microsoft.Testing.Platform.Extensions.Messages;

namespace FlakyCollector.Mtp;

/// <summary>
/// Reads a finished test from the platform's <see cref="TestNode"/>: names, outcome, timing, and the
/// failure text exactly as the platform's TRX report writes it (the framework's TRX exception
/// property when it gives one, else the state's exception).
/// </summary>
internal static class TestNodeReader
{
    /// <summary>How many forms of a hook key <see cref="HookKey"/> knows.</summary>
    public const int HookKeyForms = 3;

    /// <summary>The final state of a node, or null while it is still running (or only discovered).</summary>
    public static TestNodeStateProperty? FinalState(TestNode node) => FinalState(node.Properties.SingleOrDefault<TestNodeStateProperty>());

    /// <summary>The state itself where it is final, else null.</summary>
    public static TestNodeStateProperty? FinalState(TestNodeStateProperty? state) =>
        state is null or InProgressTestNodeStateProperty or DiscoveredTestNodeStateProperty ? null : state;

    /// <summary>
    /// One key under which a hook may have filed this test's activity: 0, the node's uid (TUnit);
    /// 1, the class and display name (MSTest, NUnit); 2, the class and method (xUnit), which is the
    /// full name. Null where the form does not apply or would repeat form 1. Form 1 costs nothing
    /// new for a test whose display name is its method's name.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string? HookKey(TestNode node, TestMethodIdentifierProperty? method, string fullyQualifiedName, int form) => form switch
    {
        0 => node.Uid.Value,
        _ when method is null => null,
        1 => node.DisplayName == method.MethodName ? fullyQualifiedName : TypeName(method) + "." + node.DisplayName,
        2 => node.DisplayName == method.MethodName ? null : fullyQualifiedName,
        _ => null,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CompletedTest Read(TestNode node, in TestNodeProperties properties, string fullyQualifiedName, TestNodeStateProperty state,
        string source, TestFramework framework, RecordedExecution? recording)
    {
        var location = properties.Location;
        var timing = properties.Timing?.GlobalTiming;
        var (message, stackTrace) = FailureText(properties, state);
        message = AsTrxWritesIt(message);
        stackTrace = AsTrxWritesIt(stackTrace);
        return new CompletedTest
        {
            FullyQualifiedName = fullyQualifiedName,
            DisplayName = node.DisplayName,
            Source = source,
            Framework = framework,
            CodeFilePath = location?.FilePath,
            LineNumber = location is null ? 0 : location.LineSpan.Start.Line,
            Traits = properties.Traits,
            Outcome = Outcome(state),
            ErrorMessage = message,
            ErrorStackTrace = stackTrace,
            SkipReason = state is SkippedTestNodeStateProperty skipped ? skipped.Explanation : null,
            StartTime = timing?.StartTime ?? default,
            EndTime = timing?.EndTime ?? default,
            Duration = timing?.Duration ?? default,
            ZeroDurationMeasured = timing is not null,
            Output = properties.Output,
            ErrorOutput = properties.ErrorOutput,
            Payload = recording,
        };
    }

    /// <summary>
    /// The type of the exception the state carries, unless it is only a framework's wrapper of the
    /// failure text: MSTest's and others' <c>...TestNodeException</c>, the VSTest bridge's
    /// <c>VSTestException</c> (NUnit's runner), xUnit v3's <c>XunitException</c> made from its message;
    /// TUnit's <c>TestFailedException</c> is looked through to the exception it wraps.
    /// </summary>
    public static string? ExceptionType(TestNodeStateProperty state)
    {
        var exception = Exception(state);
        // TUnit reports the test's exception inside its own TestFailedException.
        while (exception is { InnerException: { } inner } && exception.GetType().Name == "TestFailedException")
        {
            exception = inner;
        }

        var type = exception?.GetType();
        return type is null || TextWrappers.Any(w => type.Name.EndsWith(w, StringComparison.Ordinal)) || type.Name == "XunitException"
            ? null
            : type.FullName;
    }

    private static readonly string[] TextWrappers = ["TestNodeException", "VSTestException"];

    /// <summary>
    /// The TRX report's XML writer writes every line break as the platform's own, as vstest's TRX
    /// does; a framework's message may carry <c>\r\n</c> on Linux all the same.
    /// </summary>
    internal static string? AsTrxWritesIt(string? text)
    {
        if (text is null || !text.Contains('\r'))
        {
            return text;
        }

        var unified = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return Environment.NewLine == "\n" ? unified : unified.Replace("\n", Environment.NewLine, StringComparison.Ordinal);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string TypeName(TestMethodIdentifierProperty method) =>
        string.IsNullOrEmpty(method.Namespace) ? method.TypeName : method.Namespace + "." + method.TypeName;

    /// <summary>The test's class and method, as <c>test.suite.name</c> and the analysis read them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string FullyQualifiedName(TestNode node, TestMethodIdentifierProperty? method) =>
        method is null ? node.Uid.Value : TypeName(method) + "." + method.MethodName;

    public static TestOutcome Outcome(TestNodeStateProperty state) => state switch
    {
        PassedTestNodeStateProperty => TestOutcome.Passed,
        SkippedTestNodeStateProperty => TestOutcome.Skipped,
        TimeoutTestNodeStateProperty => TestOutcome.Timeout,
        ErrorTestNodeStateProperty => TestOutcome.Error,
#pragma warning disable CS0618 // Cancelled is obsolete in newer platforms, and still reported by some frameworks.
        CancelledTestNodeStateProperty => TestOutcome.Cancelled,
#pragma warning restore CS0618
        _ => TestOutcome.Failed,
    };

    private static Exception? Exception(TestNodeStateProperty state) => state switch
    {
        FailedTestNodeStateProperty failed => failed.Exception,
        ErrorTestNodeStateProperty error => error.Exception,
        TimeoutTestNodeStateProperty timeout => timeout.Exception,
#pragma warning disable CS0618 // Cancelled is obsolete in newer platforms, and still reported by some frameworks.
        CancelledTestNodeStateProperty cancelled => cancelled.Exception,
#pragma warning restore CS0618
        _ => null,
    };

    private static (string? Message, string? StackTrace) FailureText(in TestNodeProperties properties, TestNodeStateProperty state)
    {
        if (state is PassedTestNodeStateProperty or SkippedTestNodeStateProperty)
        {
            return (null, null);
        }

        if (properties.TrxException is { } trx)
        {
            return trx;
        }

        var exception = Exception(state);
        return exception is null ? (state.Explanation, null) : (exception.Message, exception.StackTrace);
    }
}
