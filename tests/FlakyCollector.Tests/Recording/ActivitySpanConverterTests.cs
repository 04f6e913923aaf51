using System.Diagnostics;
using FlakyCollector.Recording;
using FlakyCollector.Spans;

namespace FlakyCollector.Tests.Recording;

public sealed class ActivitySpanConverterTests : IDisposable
{
    private static readonly DateTime Start = new(2025, 3, 14, 9, 26, 53, DateTimeKind.Utc);

    private readonly ActivitySource source = new("FlakyCollector.Tests.Converter." + Guid.NewGuid().ToString("N"), "2.1.0");
    private readonly ActivityListener listener;

    public ActivitySpanConverterTests()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public void Dispose()
    {
        listener.Dispose();
        source.Dispose();
    }

    [Fact]
    public void Convert_ChildActivity_IdsNameAndScope()
    {
        using var parent = Started("parent");
        using var child = source.StartActivity("GET /orders", ActivityKind.Client, parent.Context)!;
        child.DisplayName = "GET";

        var span = ActivitySpanConverter.Convert(child);

        Assert.Equal(parent.TraceId.ToHexString(), span.TraceId);
        Assert.Equal(child.SpanId.ToHexString(), span.SpanId);
        Assert.Equal(parent.SpanId.ToHexString(), span.ParentSpanId);
        Assert.Matches("^[0-9a-f]{32}$", span.TraceId);
        Assert.Matches("^[0-9a-f]{16}$", span.SpanId);
        Assert.Equal("GET", span.Name);
        Assert.Equal(source.Name, span.ScopeName);
        Assert.Equal("2.1.0", span.ScopeVersion);
    }

    [Fact]
    public void Convert_RootActivity_NoParentId()
    {
        Activity.Current = null;
        using var root = Started("root");

        Assert.Null(ActivitySpanConverter.Convert(root).ParentSpanId);
    }

    [Fact]
    public void Convert_SourceWithoutVersion_NoScopeVersion()
    {
        using var unversioned = new ActivitySource(source.Name);
        using var activity = unversioned.StartActivity("work")!;

        Assert.Null(ActivitySpanConverter.Convert(activity).ScopeVersion);
    }

    [Theory]
    [InlineData(ActivityKind.Internal, nameof(SpanKind.Internal))]
    [InlineData(ActivityKind.Server, nameof(SpanKind.Server))]
    [InlineData(ActivityKind.Client, nameof(SpanKind.Client))]
    [InlineData(ActivityKind.Producer, nameof(SpanKind.Producer))]
    [InlineData(ActivityKind.Consumer, nameof(SpanKind.Consumer))]
    public void Convert_Kind_OtlpKind(ActivityKind kind, string expected)
    {
        using var activity = source.StartActivity("work", kind)!;

        Assert.Equal(Enum.Parse<SpanKind>(expected), ActivitySpanConverter.Convert(activity).Kind);
    }

    [Fact]
    public void Convert_ErrorStatus_ErrorWithDescription()
    {
        using var activity = Started("work");
        activity.SetStatus(ActivityStatusCode.Error, "connection refused");

        var span = ActivitySpanConverter.Convert(activity);

        Assert.Equal(SpanStatusCode.Error, span.StatusCode);
        Assert.Equal("connection refused", span.StatusMessage);
    }

    [Fact]
    public void Convert_OkStatus_OkWithoutMessage()
    {
        using var activity = Started("work");
        activity.SetStatus(ActivityStatusCode.Ok, "ignored for ok");

        var span = ActivitySpanConverter.Convert(activity);

        Assert.Equal(SpanStatusCode.Ok, span.StatusCode);
        Assert.Null(span.StatusMessage);
    }

    [Fact]
    public void Convert_NoStatus_Unset()
    {
        using var activity = Started("work");

        var span = ActivitySpanConverter.Convert(activity);

        Assert.Equal(SpanStatusCode.Unset, span.StatusCode);
        Assert.Null(span.StatusMessage);
    }

    [Fact]
    public void Convert_TagsOfSeveralTypes_OtlpTypes()
    {
        using var activity = Started("work");
        activity.SetTag("text", "orders");
        activity.SetTag("flag", true);
        activity.SetTag("int", 42);
        activity.SetTag("long", 9_007_199_254_740_993L);
        activity.SetTag("short", (short)7);
        activity.SetTag("double", 0.25);
        activity.SetTag("float", 1.5f);
        activity.SetTag("decimal", 2.75m);
        activity.SetTag("strings", new[] { "a", "b" });
        activity.SetTag("ints", new[] { 1, 2, 3 });
        activity.SetTag("uri", new Uri("http://orders/api"));
        activity.AddTag("missing", (object?)null);

        var attributes = ActivitySpanConverter.Convert(activity).Attributes;

        Assert.Equal("orders", Assert.IsType<string>(attributes.ValueOf("text")));
        Assert.True(Assert.IsType<bool>(attributes.ValueOf("flag")));
        Assert.Equal(42L, Assert.IsType<long>(attributes.ValueOf("int")));
        Assert.Equal(9_007_199_254_740_993L, Assert.IsType<long>(attributes.ValueOf("long")));
        Assert.Equal(7L, Assert.IsType<long>(attributes.ValueOf("short")));
        Assert.Equal(0.25, Assert.IsType<double>(attributes.ValueOf("double")));
        Assert.Equal(1.5, Assert.IsType<double>(attributes.ValueOf("float")));
        Assert.Equal(2.75, Assert.IsType<double>(attributes.ValueOf("decimal")));
        Assert.Equal(["a", "b"], Assert.IsType<string[]>(attributes.ValueOf("strings")));
        Assert.Equal(["1", "2", "3"], Assert.IsType<string[]>(attributes.ValueOf("ints")));
        Assert.Equal("http://orders/api", Assert.IsType<string>(attributes.ValueOf("uri")));
        Assert.False(attributes.Has("missing"));
    }

    [Fact]
    public void Convert_Events_NameTimeAndTags()
    {
        using var activity = Started("work");
        var at = new DateTimeOffset(Start.AddMilliseconds(5));
        activity.AddEvent(new ActivityEvent("retry", at, new ActivityTagsCollection { ["attempt"] = 2, ["reason"] = "timeout" }));
        activity.AddEvent(new ActivityEvent("done", at.AddMilliseconds(1)));

        var events = ActivitySpanConverter.Convert(activity).Events;

        Assert.Equal(["retry", "done"], events.Select(e => e.Name));
        Assert.Equal(1_741_944_413_005_000_000, events[0].TimeUnixNano);
        Assert.Equal(2L, events[0].Attributes.ValueOf("attempt"));
        Assert.Equal("timeout", events[0].Attributes.ValueOf("reason"));
        Assert.Empty(events[1].Attributes);
    }

    [Fact]
    public void Convert_Links_ContextAndTags()
    {
        var linked = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var plain = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None);
        using var activity = source.StartActivity(
            ActivityKind.Consumer, links: [new ActivityLink(linked, new ActivityTagsCollection { ["link.kind"] = "run" }), new ActivityLink(plain)], name: "consume")!;

        var links = ActivitySpanConverter.Convert(activity).Links;

        Assert.Equal(2, links.Count);
        Assert.Equal(linked.TraceId.ToHexString(), links[0].TraceId);
        Assert.Equal(linked.SpanId.ToHexString(), links[0].SpanId);
        Assert.Equal("run", links[0].Attributes.ValueOf("link.kind"));
        Assert.Equal(plain.TraceId.ToHexString(), links[1].TraceId);
        Assert.Empty(links[1].Attributes);
    }

    [Fact]
    public void Convert_StartAndEndTime_UnixNanosAndDuration()
    {
        using var activity = Started("work");
        activity.SetStartTime(Start.AddTicks(1234));
        activity.SetEndTime(Start.AddTicks(1234).AddMilliseconds(1.5));

        var span = ActivitySpanConverter.Convert(activity);

        Assert.Equal(1_741_944_413_000_123_400, span.StartTimeUnixNano);
        Assert.Equal(1_500_000, span.EndTimeUnixNano - span.StartTimeUnixNano);
    }

    [Fact]
    public void Convert_Stopped_EndAfterStart()
    {
        var activity = Started("work");
        Thread.Sleep(5);
        activity.Stop();

        var span = ActivitySpanConverter.Convert(activity);

        Assert.True(span.EndTimeUnixNano - span.StartTimeUnixNano >= 5_000_000, $"duration {span.EndTimeUnixNano - span.StartTimeUnixNano} ns");
        Assert.Equal(activity.Duration.Ticks * 100, span.EndTimeUnixNano - span.StartTimeUnixNano);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 100)]
    [InlineData(10_000_000, 1_000_000_000)]
    public void ToUnixNano_TicksAfterEpoch_Nanoseconds(long ticks, long expected)
    {
        Assert.Equal(expected, ActivitySpanConverter.ToUnixNano(DateTime.UnixEpoch.AddTicks(ticks)));
    }

    [Fact]
    public void Convert_WhatWasKeptOfAStoppedActivity_TheSameSpanAsTheActivity_WithoutWhatCameAfterTheStop()
    {
        using var parent = Started("parent");
        var activity = source.StartActivity("Orders.Create", ActivityKind.Server, parent.Context, links: [new ActivityLink(parent.Context, new ActivityTagsCollection { ["kind"] = "fixture" })])!;
        activity.SetTag("flakytrace.key", "Orders.Create").SetTag("attempt", 2);
        activity.AddEvent(new ActivityEvent("exception", Start, new ActivityTagsCollection { ["exception.type"] = "TimeoutException" }));
        activity.SetStatus(ActivityStatusCode.Error, "timed out");
        activity.Stop();

        var kept = StoppedActivity.Of(activity);
        activity.SetTag("set after the stop", true);

        var expected = ActivitySpanConverter.Convert(activity);
        var span = ActivitySpanConverter.Convert(kept);
        Assert.Equal(expected with { Attributes = [], Events = [], Links = [] }, span with { Attributes = [], Events = [], Links = [] });
        Assert.Equal(expected.Attributes.Where(a => a.Key != "set after the stop"), span.Attributes);
        Assert.Equal(expected.Events.Select(e => (e.Name, e.TimeUnixNano, e.Attributes.Single())), span.Events.Select(e => (e.Name, e.TimeUnixNano, e.Attributes.Single())));
        Assert.Equal(expected.Links.Select(l => (l.TraceId, l.SpanId, l.Attributes.Single())), span.Links.Select(l => (l.TraceId, l.SpanId, l.Attributes.Single())));
        Assert.Equal((object)2, kept.Tag("attempt"));
        Assert.Null(kept.Tag("set after the stop"));
    }

    private Activity Started(string name) => source.StartActivity(name) ?? throw new InvalidOperationException("the listener did not sample");
}
