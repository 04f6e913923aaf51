using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using FlakyCollector.Spans;

namespace FlakyCollector.Tracing;

/// <summary>
/// The run's own trace: a span per test assembly and per test class, built from the tests as
/// they end and written when the run ends. Test spans link to their class's span (they stay the
/// roots of their own traces). The trace id comes from <c>test.run.id</c>, so every test project
/// of one <c>dotnet test</c> invocation writes into the same run trace.
/// </summary>
internal sealed class RunStructure(string? runId, string scopeVersion)
{
    private const int MaxDetachedLinks = 128;

    private readonly ConcurrentDictionary<string, SuiteRun> assemblies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Source, string Suite), SuiteRun> classes = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SpanLinkData>> detached = new(StringComparer.Ordinal);

    // What every test span's link to its class carries: the same for each, so made once.
    private static readonly SpanAttribute[] SuiteLinkAttributes = [new(TestAttributeNames.RunLinkType, TestAttributeNames.LinkToSuite)];

    // Written whole (a reference), so a reader on another thread sees one class's three fields together.
    private volatile LastSuite? lastSuite;

    public string TraceId { get; } = runId is null ? ActivityTraceId.CreateRandom().ToHexString() : DeriveTraceId(runId);

    /// <summary>Counts the test in its class and assembly, and returns the link from its span to its class's span.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SpanLinkData Register(string source, string suiteName, SpanData testSpan, TestOutcome outcome)
    {
        var assembly = assemblies.GetOrAdd(source, static s => new SuiteRun(Path.GetFileNameWithoutExtension(s), NewSpanId(), null));
        var suite = Suite(source, suiteName, assembly);
        assembly.Add(testSpan.StartTimeUnixNano, testSpan.EndTimeUnixNano, outcome);
        suite.Add(testSpan.StartTimeUnixNano, testSpan.EndTimeUnixNano, outcome);
        return new SpanLinkData(TraceId, suite.SpanId, SuiteLinkAttributes);
    }

    // Tests end class by class, so the last test's class is nearly always this one's: no tuple
    // hashed into the map (generic code over a struct, which the platform's test process runs
    // unoptimised) and no closure made for each test.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private SuiteRun Suite(string source, string suiteName, SuiteRun assembly)
    {
        if (lastSuite is { } last && last.Source == source && last.Suite == suiteName)
        {
            return last.Run;
        }

        var run = classes.GetOrAdd((source, suiteName), static (key, parent) => new SuiteRun(key.Suite, NewSpanId(), parent), assembly.SpanId);
        lastSuite = new LastSuite(source, suiteName, run);
        return run;
    }

    /// <summary>Remembers the root spans of work done outside any test, for the assembly span to link to.</summary>
    public void AddDetachedRoots(string source, IReadOnlyList<SpanData> spans)
    {
        if (spans.Count == 0)
        {
            return; // most results: no entry made for an assembly that has none
        }

        var links = detached.GetOrAdd(source, _ => new ConcurrentQueue<SpanLinkData>());
        foreach (var span in spans.Where(s => s.ParentSpanId is null))
        {
            if (links.Count < MaxDetachedLinks)
            {
                links.Enqueue(new SpanLinkData(span.TraceId, span.SpanId, [new(TestAttributeNames.RunLinkType, TestAttributeNames.LinkOutsideTests)]));
            }
        }
    }

    /// <summary>The assembly span and its class spans for one test assembly.</summary>
    public IReadOnlyList<SpanData> Build(string source, bool aborted)
    {
        if (!assemblies.TryGetValue(source, out var assembly))
        {
            return [];
        }

        var spans = new List<SpanData> { ToSpan(TestAttributeNames.AssemblySpanPrefix + assembly.Name, assembly, aborted, detached.GetValueOrDefault(source)?.ToList() ?? []) };
        spans.AddRange(classes.Where(c => c.Key.Source == source).Select(c => ToSpan(TestAttributeNames.SuiteSpanPrefix + c.Value.Name, c.Value, aborted, [])));
        return spans;
    }

    private SpanData ToSpan(string name, SuiteRun run, bool aborted, IReadOnlyList<SpanLinkData> links)
    {
        var status = run.Status(aborted);
        return new SpanData
        {
            TraceId = TraceId,
            SpanId = run.SpanId,
            ParentSpanId = run.ParentSpanId,
            Name = name,
            StartTimeUnixNano = run.Start,
            EndTimeUnixNano = run.End,
            StatusCode = status is "failure" or "aborted" ? SpanStatusCode.Error : SpanStatusCode.Unset,
            StatusMessage = status == "failure" ? $"{run.Failed} failed" : status == "aborted" ? "the test run was aborted" : null,
            ScopeName = TestAttributeNames.ScopeName,
            ScopeVersion = scopeVersion,
            Attributes =
            [
                new(TestAttributeNames.SuiteName, run.Name),
                new(TestAttributeNames.SuiteRunStatus, status),
                new(TestAttributeNames.RunId, runId ?? string.Empty),
                new(TestAttributeNames.TestsPassed, (long)run.Passed),
                new(TestAttributeNames.TestsFailed, (long)run.Failed),
                new(TestAttributeNames.TestsSkipped, (long)run.Skipped),
            ],
            Links = links,
        };
    }

    private static string NewSpanId() => ActivitySpanId.CreateRandom().ToHexString();

    private static string DeriveTraceId(string runId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(runId)), 0, 16).ToLowerInvariant();

    private sealed record LastSuite(string Source, string Suite, SuiteRun Run);
}
