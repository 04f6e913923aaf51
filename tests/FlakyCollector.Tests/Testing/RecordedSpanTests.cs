using System.Diagnostics;
using FlakyCollector.Testing;

namespace FlakyCollector.Tests.Testing;

public sealed class RecordedSpanTests
{
    [Fact]
    public void Constructor_StoppedActivity_TakesItsIdentityTimesStatusAndTags()
    {
        var parent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var activity = new Activity("POST").SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
        activity.SetTag("http.response.status_code", 503);
        activity.SetStatus(ActivityStatusCode.Error, "Service Unavailable");
        activity.SetStartTime(new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc));
        activity.Start();
        activity.SetEndTime(new DateTime(2026, 11, 24, 10, 0, 0, 250, DateTimeKind.Utc));
        activity.Stop();

        var span = new RecordedSpan(activity);

        Assert.Equal(("POST", ActivityStatusCode.Error, "Service Unavailable"), (span.Name, span.Status, span.StatusDescription));
        Assert.Equal(parent.SpanId.ToHexString(), span.ParentSpanId);
        Assert.Equal(activity.SpanId.ToHexString(), span.SpanId);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero), span.Start);
        Assert.Equal(TimeSpan.FromMilliseconds(250), span.Duration);
        Assert.Equal(503, span.Tags["http.response.status_code"]);
        Assert.Equal("503", span.Tag("http.response.status_code"));
        Assert.Null(span.Tag("url.full"));
        Assert.Equal("POST [, Internal, Error \"Service Unavailable\", 250 ms]", span.ToString());
    }

    [Fact]
    public void ParentSpanId_Root_IsNull()
    {
        var activity = new Activity("root");
        activity.SetIdFormat(ActivityIdFormat.W3C);
        activity.Start().Stop();

        Assert.Null(new RecordedSpan(activity).ParentSpanId);
    }
}
