using FlakyCollector.Recording;

namespace FlakyCollector.Tracing;

/// <summary>
/// The exception that failed a test, for <c>error.type</c> and the <c>exception</c> event: of the
/// exceptions the test threw, the last one whose message is in the failure text the runner
/// reported. A test that fails an assertion and then disposes a stub that throws and catches
/// inside has thrown both; only the assertion's message is in the failure text. Then the type the
/// runner reported (a crash, a hang, the platform's exception object), then the one the failure
/// text names.
/// </summary>
internal sealed record TestFailure(string Type, string Message)
{
    public static TestFailure Of(CompletedTest test)
    {
        var reported = test.ErrorMessage ?? string.Empty;
        var type = Thrown(test.Payload?.Exceptions ?? [], reported)
            ?? test.Payload?.ExceptionType
            ?? ErrorTypeGuess.FromMessage(reported)
            ?? OnlyTypeThrown(test.Payload?.Exceptions ?? [])
            ?? ErrorTypeGuess.Other;
        return new TestFailure(type, ErrorTypeGuess.WithoutTypePrefix(reported, type));
    }

    private static string? Thrown(IReadOnlyList<RecordedException> exceptions, string reported)
    {
        if (reported.Length == 0)
        {
            return null;
        }

        var text = Normalized(reported);
        for (var i = exceptions.Count - 1; i >= 0; i--)
        {
            if (exceptions[i].Message is { } message && Normalized(message) is { Length: > 0 } own && text.Contains(own, StringComparison.Ordinal))
            {
                return exceptions[i].Type;
            }
        }

        return null;
    }

    // Where the failure text names no type and matches no message (a framework that rewrites the
    // message), one type thrown throughout is still the failure's; two or more could be either.
    private static string? OnlyTypeThrown(IReadOnlyList<RecordedException> exceptions) =>
        exceptions.Select(e => e.Type).Distinct(StringComparer.Ordinal).Count() == 1 ? exceptions[0].Type : null;

    private static string Normalized(string text) => text.ReplaceLineEndings("\n").Trim();
}
