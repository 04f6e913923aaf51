using System.Diagnostics;
using FlakyCollector.Recording;

namespace FlakyCollector.Tests.Recording;

[Collection(ActivityRecorderCollection.Name)]
public sealed class AspNetCoreRequestTagsTests
{
    [Fact]
    public void StopEvent_TagsTheCurrentRequestActivity_FromTheHttpContext()
    {
        using var tags = new AspNetCoreRequestTags();
        using var hosting = new DiagnosticListener("Microsoft.AspNetCore");
        var activity = new Activity("Microsoft.AspNetCore.Hosting.HttpRequestIn");
        var context = new FakeHttpContext(new FakeRequest("POST", "/orders"), new FakeResponse(503));

        Assert.True(hosting.IsEnabled("Microsoft.AspNetCore.Hosting.HttpRequestIn.Start"));
        hosting.StartActivity(activity, context);
        hosting.StopActivity(activity, context);

        Assert.Equal("POST", activity.DisplayName);
        Assert.Equal("POST", activity.GetTagItem("http.request.method"));
        Assert.Equal("/orders", activity.GetTagItem("url.path"));
        Assert.Equal(503, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("503", activity.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
    }

    [Fact]
    public void StopEvent_SuccessfulRequest_NoErrorStatus()
    {
        using var tags = new AspNetCoreRequestTags();
        using var hosting = new DiagnosticListener("Microsoft.AspNetCore");
        var activity = new Activity("Microsoft.AspNetCore.Hosting.HttpRequestIn");
        var context = new FakeHttpContext(new FakeRequest("GET", "/orders/1"), new FakeResponse(200));

        hosting.StartActivity(activity, context);
        hosting.StopActivity(activity, context);

        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        Assert.Null(activity.GetTagItem("error.type"));
    }

    [Fact]
    public void StopEvent_PayloadOfAnotherShape_IgnoredWithoutThrowing()
    {
        using var tags = new AspNetCoreRequestTags();
        using var hosting = new DiagnosticListener("Microsoft.AspNetCore");
        var activity = new Activity("Microsoft.AspNetCore.Hosting.HttpRequestIn");

        hosting.StartActivity(activity, "not a context");
        hosting.StopActivity(activity, "not a context");

        Assert.Null(activity.GetTagItem("http.request.method"));
        Assert.Equal("Microsoft.AspNetCore.Hosting.HttpRequestIn", activity.DisplayName);
    }

    public sealed record FakeHttpContext(FakeRequest Request, FakeResponse Response);

    public sealed record FakeRequest(string Method, string Path);

    public sealed record FakeResponse(int StatusCode);
}
