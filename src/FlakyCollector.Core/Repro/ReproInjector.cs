using System.Collections.Concurrent;
using System.Diagnostics;

namespace FlakyCollector.Repro;

/// <summary>
/// Makes the failing runs' condition happen again, in a test process that <c>flakytrace repro</c>
/// started with a <see cref="ReproPlan"/>. Only the test under repro is touched: its test activity
/// arms its trace id, and only spans of that trace are held back or redirected. An
/// ActivityListener's <c>ActivityStarted</c> runs synchronously on the path that starts the span,
/// so holding it there holds the span's work. Without a plan none of this exists.
/// </summary>
internal sealed class ReproInjector : IDisposable
{
    private const string TestSource = Recording.TestActivityNames.SourceName;

    // The recorder listens to the tests' own source: what is started on it under a test is that test's span.
    private static readonly ActivitySource Marks = new(TestSource);

    private readonly ReproPlan plan;
    private readonly ActivityListener listener;
    private readonly HttpCallRedirect? http;
    private readonly AppAnswerOverride? app;
    private readonly ConcurrentDictionary<ActivityTraceId, ManualResetEventSlim> armed = new();
    private readonly ManualResetEventSlim predecessorEnded = new(false);
    private volatile bool predecessorStarted;
    private readonly object crowd = new();
    private int amidRunning;

    private ReproInjector(ReproPlan plan)
    {
        this.plan = plan;
        listener = new ActivityListener
        {
            // Every source: the named span may come from one the recorder was not told about, and it must exist to be held.
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStarted = OnStarted,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(listener);
        if (plan.Span.IsHttpClient)
        {
            http = new HttpCallRedirect(this);
        }
        else if (plan.Action == ReproAction.FailWithStatus && plan.Span.Method is not null)
        {
            app = new AppAnswerOverride(this);
        }
    }

    public ReproPlan Plan => plan;

    /// <summary>Starts injecting when the configuration carries a plan; null (and nothing running) otherwise.</summary>
    public static ReproInjector? Start(string? planText, Action<string> warn)
    {
        var plan = ReproPlan.Parse(planText, out var problem);
        if (problem is not null)
        {
            warn(problem);
        }

        return plan is null ? null : new ReproInjector(plan);
    }

    /// <summary>The hold for a span that has just started in the trace of the test under repro, if it is the named one.</summary>
    internal void Hold(Activity activity)
    {
        // Failing a call is done where the request is at hand (HttpCallRedirect, AppAnswerOverride), not by holding its span.
        if (plan.Action is not (ReproAction.Delay or ReproAction.HoldUntilTestEnds))
        {
            return;
        }

        if (!armed.TryGetValue(activity.TraceId, out var testEnded))
        {
            // A fixture's slow call is slow for every test it serves; holding until "the test" ends means nothing there.
            if (plan.Action == ReproAction.Delay && IsFixtureWorkUnderRepro(activity))
            {
                activity.SetTag(ReproSettingNames.InjectedAttribute, $"delay {plan.By.TotalMilliseconds:0} ms (fixture)");
                Thread.Sleep(plan.By);
            }

            return;
        }

        activity.SetTag(ReproSettingNames.InjectedAttribute, plan.Action == ReproAction.Delay ? $"delay {plan.By.TotalMilliseconds:0} ms" : "held until the test ended");
        if (plan.Action == ReproAction.Delay)
        {
            Thread.Sleep(plan.By);
        }
        else if (plan.Action == ReproAction.HoldUntilTestEnds)
        {
            testEnded.Wait(plan.By);
        }
    }

    internal bool IsArmed(ActivityTraceId traceId) => armed.ContainsKey(traceId);

    /// <summary>
    /// Whether the span is work outside any test that a fixture or class setup did for the class of a
    /// test under repro (its warm-up call, its seeding): the stack that starts it says whom it serves,
    /// as the recorder reads it. Only read for the named span, so the stack walk stays rare.
    /// </summary>
    internal bool IsFixtureWorkUnderRepro(Activity activity)
    {
        for (var current = activity; current is not null; current = current.Parent)
        {
            if (current.Source.Name == TestSource)
            {
                return false;
            }
        }

        return plan.ServesTestUnderRepro(Recording.HttpRequestCallers.Current ?? Recording.FixtureWork.SuitesOnStack(new StackTrace(1, false)));
    }

    public void Dispose()
    {
        listener.Dispose();
        http?.Dispose();
        app?.Dispose();
        predecessorEnded.Set();
        foreach (var waiting in armed.Values)
        {
            waiting.Set();
        }
    }

    private void OnStarted(Activity activity)
    {
        try
        {
            if (activity.Source.Name == TestSource && activity.Parent is null)
            {
                if (plan.IsTestUnderRepro(activity.OperationName))
                {
                    armed[activity.TraceId] = new ManualResetEventSlim(false);
                    if (plan.Action == ReproAction.StartAfterTest && !plan.IsPredecessor(activity.OperationName))
                    {
                        // The test's own path: it starts once its predecessor is done, as in the failing runs. A
                        // predecessor of its own class that has not started is behind it in the class's queue:
                        // waiting would hold the class until the bound, so the run goes on without the condition
                        // (repro reads the order the run had from the mark under the test, and runs it again).
                        if (predecessorStarted || !plan.PredecessorInClassOf(activity.OperationName))
                        {
                            MarkOrder(predecessorEnded.Wait(plan.By) ? null : $"{plan.Span.Label} had not ended within {plan.By.TotalSeconds:0} s");
                        }
                        else
                        {
                            MarkOrder($"{plan.Span.Label}, of its own class, had not started");
                        }
                    }
                    else if (plan.Action == ReproAction.StartAmidTests && !plan.IsAmid(activity.OperationName))
                    {
                        WaitForCrowd();
                    }
                }
                else if (plan.IsPredecessor(activity.OperationName))
                {
                    predecessorStarted = true;
                }
                else if (plan.IsAmid(activity.OperationName))
                {
                    lock (crowd)
                    {
                        amidRunning++;
                        Monitor.PulseAll(crowd);
                    }
                }
            }
            else if (!plan.Span.IsHttpClient && plan.Action is not (ReproAction.StartAfterTest or ReproAction.StartAmidTests) && plan.Span.Matches(activity))
            {
                Hold(activity);
            }
        }
        catch (Exception)
        {
            // Runs on the test's own path: never throw into it.
        }
    }

    // The order the test ran in, in its own trace, as a span under it (the test's activity is current in its start callback).
    private void MarkOrder(string? wentOnBefore)
    {
        using var mark = Marks.StartActivity(wentOnBefore is null ? ReproSettingNames.AfterPredecessorSpan : ReproSettingNames.BeforePredecessorSpan);
        mark?.SetTag(ReproSettingNames.InjectedAttribute, wentOnBefore ?? $"started after {plan.Span.Label} ended");
    }

    // The test under repro starts once enough of the tests it met in the failing runs are running (bounded).
    private void WaitForCrowd()
    {
        var deadline = DateTime.UtcNow + plan.By;
        lock (crowd)
        {
            while (amidRunning < plan.Count && deadline - DateTime.UtcNow is { Ticks: > 0 } left)
            {
                Monitor.Wait(crowd, left);
            }
        }
    }

    private void OnStopped(Activity activity)
    {
        // Tests are roots; a span under one (the order mark) ends nothing.
        if (activity.Source.Name != TestSource || activity.Parent is not null)
        {
            return;
        }

        if (armed.TryRemove(activity.TraceId, out var testEnded))
        {
            testEnded.Set();
        }

        if (plan.IsPredecessor(activity.OperationName))
        {
            predecessorEnded.Set();
        }

        if (plan.IsAmid(activity.OperationName))
        {
            lock (crowd)
            {
                amidRunning--;
            }
        }
    }
}
