using System.Reflection;
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
    private const string TrxExceptionPropertyName = "Microsoft.Testing.Extensions.TrxReport.Abstractions.TrxExceptionProperty";

    /// <summary>The final state of a node, or null while it is still running (or only discovered).</summary>
    public static TestNodeStateProperty? FinalState(TestNode node)
    {
        var state = node.Properties.SingleOrDefault<TestNodeStateProperty>();
        return state is null or InProgressTestNodeStateProperty or DiscoveredTestNodeStateProperty ? null : state;
    }

    /// <summary>The keys under which a hook may have filed this test's activity, most specific first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<string> HookKeys(TestNode node)
    {
        var method = node.Properties.SingleOrDefault<TestMethodIdentifierProperty>();
        if (method is null)
        {
            return [node.Uid.Value];
        }

        var type = TypeName(method);
        return [node.Uid.Value, type + "." + node.DisplayName, type + "." + method.MethodName];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CompletedTest Read(TestNode node, TestNodeStateProperty state, string source, TestFramework framework, RecordedExecution? recording)
    {
        var method = node.Properties.SingleOrDefault<TestMethodIdentifierProperty>();
        var location = node.Properties.SingleOrDefault<TestFileLocationProperty>();
        var timing = node.Properties.SingleOrDefault<TimingProperty>()?.GlobalTiming;
        var (message, stackTrace) = FailureText(node, state);
        message = AsTrxWritesIt(message);
        stackTrace = AsTrxWritesIt(stackTrace);
        var (output, errorOutput) = OutputText(node);
        return new CompletedTest
        {
            FullyQualifiedName = FullyQualifiedName(node, method),
            DisplayName = node.DisplayName,
            Source = source,
            Framework = framework,
            CodeFilePath = location?.FilePath,
            LineNumber = location is null ? 0 : location.LineSpan.Start.Line,
            Traits = Traits(node),
            Outcome = Outcome(state),
            ErrorMessage = message,
            ErrorStackTrace = stackTrace,
            SkipReason = state is SkippedTestNodeStateProperty skipped ? skipped.Explanation : null,
            StartTime = timing?.StartTime ?? default,
            EndTime = timing?.EndTime ?? default,
            Duration = timing?.Duration ?? default,
            ZeroDurationMeasured = timing is not null,
            Output = output,
            ErrorOutput = errorOutput,
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
    public static string FullyQualifiedName(TestNode node) => FullyQualifiedName(node, node.Properties.SingleOrDefault<TestMethodIdentifierProperty>());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string FullyQualifiedName(TestNode node, TestMethodIdentifierProperty? method) =>
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

    private static (string? Message, string? StackTrace) FailureText(TestNode node, TestNodeStateProperty state)
    {
        if (state is PassedTestNodeStateProperty or SkippedTestNodeStateProperty)
        {
            return (null, null);
        }

        // Read by name: the TRX abstractions are the application's own package, not a dependency of ours.
        if (Property(node, TrxExceptionPropertyName) is { } trx)
        {
            return (Text(trx, "Message"), Text(trx, "StackTrace"));
        }

        var exception = Exception(state);
        return exception is null ? (state.Explanation, null) : (exception.Message, exception.StackTrace);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IProperty? Property(TestNode node, string typeName) =>
        node.Properties.AsEnumerable().FirstOrDefault(p => p.GetType().FullName == typeName);

    // Read for every test, so one pass over its properties and nothing allocated for a test without traits or output.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IReadOnlyList<KeyValuePair<string, string>> Traits(TestNode node)
    {
        List<KeyValuePair<string, string>>? traits = null;
        foreach (var property in node.Properties)
        {
            if (property is TestMetadataProperty trait)
            {
                (traits ??= []).Add(new KeyValuePair<string, string>(trait.Key, trait.Value));
            }
        }

        return traits ?? [];
    }

    // Read by name: the platform marks these properties experimental, so they may move.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (string? Output, string? ErrorOutput) OutputText(TestNode node)
    {
        string? output = null, errorOutput = null;
        foreach (var property in node.Properties)
        {
            switch (property.GetType().FullName)
            {
                case "Microsoft.Testing.Platform.Extensions.Messages.StandardOutputProperty":
                    output ??= Text(property, "StandardOutput");
                    break;
                case "Microsoft.Testing.Platform.Extensions.Messages.StandardErrorProperty":
                    errorOutput ??= Text(property, "StandardError");
                    break;
            }
        }

        return (output, errorOutput);
    }

    private static string? Text(object property, string name) =>
        property.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(property) as string;
}
