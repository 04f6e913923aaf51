using FlakyCollector.Spans;

namespace FlakyTrace.Bench.Encode;

/// <summary>
/// The lines a traced run writes, one per test: a passing TUnit test (its span, as the
/// collector builds it, and the framework's own span under it), or a failing one, whose
/// message and stack trace have line breaks and so need the writer.
/// </summary>
internal static class TestLines
{
    public static List<SpanData[]> Make(string kind, int count)
    {
        var random = new Random(1);
        var lines = new List<SpanData[]>(count);
        for (var i = 0; i < count; i++)
        {
            var trace = Hex(random, 16);
            var test = Test(trace, Hex(random, 8), i, failed: kind == "failing");
            lines.Add([test, FrameworkSpan(trace, Hex(random, 8), test.SpanId)]);
        }

        return lines;
    }

    private static SpanData Test(string trace, string span, int i, bool failed) => new()
    {
        TraceId = trace,
        SpanId = span,
        Name = "Test" + i,
        StartTimeUnixNano = 1_796_616_732_074_303_800 + i,
        EndTimeUnixNano = 1_796_616_732_093_799_000 + i,
        StatusCode = failed ? SpanStatusCode.Error : SpanStatusCode.Unset,
        StatusMessage = failed ? "Assert.Equal() Failure\nExpected: 5\nActual:   4" : null,
        ScopeName = "FlakyTrace",
        ScopeVersion = "1.4.0",
        Attributes =
        [
            new("test.case.name", "Suite.Class0.Test" + i), new("test.suite.name", "Suite.Class0"),
            new("code.function.name", "Test" + i), new("test.outcome", failed ? "failed" : "passed"),
            new("test.case.attempt", 1L), new("test.case.result.status", failed ? "fail" : "pass"),
            new("test.framework", "tunit"), new("test.run.id", "18e7c178-34f9-44ba-a1ef-350ab025b19c"),
            new("code.file.path", "/home/runner/work/shop/tests/Suite/Class0.cs"), new("code.line.number", 17L),
            new("flakytrace.testhost.pid", 27387L), new("flakytrace.timing", "framework"),
        ],
        Events = failed
            ? [new("exception", 1_796_616_732_093_799_000 + i,
                [new("exception.type", "Xunit.Sdk.EqualException"), new("exception.stacktrace", "   at Suite.Class0.Test(Int32 n)\n   at x")])]
            : [],
        Links = [new SpanLinkData("1e5fcd80f2b8f82196330a703dccc16d", "4361bd2fe9aa54f7", [new("flakytrace.link", "test.suite")])],
    };

    private static SpanData FrameworkSpan(string trace, string span, string parent) => new()
    {
        TraceId = trace,
        SpanId = span,
        ParentSpanId = parent,
        Name = "test body",
        StartTimeUnixNano = 1_796_616_732_071_313_100,
        EndTimeUnixNano = 1_796_616_732_077_612_700,
        ScopeName = "TUnit",
        ScopeVersion = "1.86.0.0",
    };

    private static string Hex(Random random, int bytes)
    {
        var id = new byte[bytes];
        random.NextBytes(id);
        return Convert.ToHexStringLower(id);
    }
}
