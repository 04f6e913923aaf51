using System.Diagnostics;
using FlakyCollector.Configuration;
using FlakyCollector.Recording;
using FlakyCollector.Spans;

namespace FlakyCollector.Tracing;

/// <summary>
/// A front end's first finished test pays for compiling the whole path behind it: reading what the
/// test process recorded, selecting and building the span, encoding and writing the line, about
/// 0.15 s. In a small suite every test has finished by then, and the run waits for it. A front end
/// that has a spare moment first (vstest.console while the test process starts, the platform while
/// the framework discovers its tests) sends made-up tests through a tracer of their own there, on a
/// thread of its own, into a folder of their own that is then deleted. The run's own tracer shares
/// nothing with them but the compiled code. No activity is made: the run's listeners would hear it.
/// </summary>
internal static class TracerWarmUp
{
    /// <summary>How long a run's end waits for a warm-up still going before it goes on.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    public static Thread Start(Func<bool> warmUp)
    {
        var thread = new Thread(() => warmUp())
        {
            IsBackground = true,
            Name = "FlakyTrace warm-up",
            Priority = ThreadPriority.BelowNormal,
        };
        thread.Start();
        return thread;
    }

    /// <summary>
    /// Sends <paramref name="tests"/> (made in <paramref name="folder"/>) through a tracer of their
    /// own, then runs <paramref name="afterward"/>, and tells whether all of it went through. It
    /// never throws; it deletes <paramref name="folder"/>, sends nothing over OTLP, and leaves the
    /// run's own output folder alone. What the tracer would warn of goes to <paramref name="report"/>.
    /// </summary>
    public static bool Run(FlakyTraceSettings settings, string folder, Func<string, string?> environment, IRunReport report, TimeSpan fileWriteBehind,
        Func<string, IEnumerable<CompletedTest>> tests, Func<bool>? afterward = null)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var own = settings with { OutputDirectory = folder, TracesEndpoint = null, LogsEndpoint = null, Quarantine = null, PassingSampleRatio = 1 };
            using (var tracer = new TestRunTracer(own, folder, report, static _ => null, environment, fileWriteBehind))
            {
                foreach (var test in tests(folder))
                {
                    tracer.OnTestCompleted(test);
                }

                tracer.Complete(aborted: false);
            }

            return afterward?.Invoke() ?? true;
        }
        catch (Exception)
        {
            // Only the first real test's speed depends on it.
            return false;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception)
            {
                // Already gone.
            }
        }
    }

    /// <summary>A test span as a hook records it: ids and timing.</summary>
    public static SpanData TestSpan()
    {
        var now = ActivitySpanConverter.ToUnixNano(DateTime.UtcNow);
        return new SpanData
        {
            TraceId = ActivityTraceId.CreateRandom().ToHexString(),
            SpanId = ActivitySpanId.CreateRandom().ToHexString(),
            Name = "test",
            StartTimeUnixNano = now,
            EndTimeUnixNano = now + 1,
            ScopeName = TestActivityNames.SourceName,
        };
    }

    /// <summary>A failed HTTP call inside <paramref name="test"/>.</summary>
    public static SpanData Child(SpanData test) => new()
    {
        TraceId = test.TraceId,
        SpanId = ActivitySpanId.CreateRandom().ToHexString(),
        ParentSpanId = test.SpanId,
        Name = "GET",
        Kind = SpanKind.Client,
        StartTimeUnixNano = test.StartTimeUnixNano,
        EndTimeUnixNano = test.EndTimeUnixNano,
        StatusCode = SpanStatusCode.Error,
        ScopeName = "System.Net.Http",
        Attributes = [new("http.request.method", "GET"), new("url.full", "http://localhost/orders"), new("http.response.status_code", 500L)],
    };
}
