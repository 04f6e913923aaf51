using System.Diagnostics;
using System.Net;
using FlakyCollector.Recording;

namespace FlakyCollector.Tests.Recording;

[Collection(ActivityRecorderCollection.Name)]
public sealed class Net8HttpClientTagsTests
{
    private const string ListenerName = "HttpHandlerDiagnosticListener";
    private const string ActivityName = "System.Net.Http.HttpRequestOut";

    [Fact]
    public void StopEvent_OnNet8_TagsTheCurrentClientActivity()
    {
        using var tags = Net8HttpClientTags.StartIfNeeded(new Version(8, 0, 11));
        using var handler = new DiagnosticListener(ListenerName);
        var activity = new Activity(ActivityName);
        var request = new HttpRequestMessage(HttpMethod.Get, "http://user:secret@127.0.0.1:5080/health?token=abc&x");
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = HttpVersion.Version11 };

        Assert.True(handler.IsEnabled(ActivityName + ".Stop"));
        handler.StartActivity(activity, new { Request = request });
        handler.StopActivity(activity, new { Response = response, Request = request, RequestTaskStatus = TaskStatus.RanToCompletion });

        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
        Assert.Equal("http://127.0.0.1:5080/health?token=*&x", activity.GetTagItem("url.full"));
        Assert.Equal("127.0.0.1", activity.GetTagItem("server.address"));
        Assert.Equal(5080, activity.GetTagItem("server.port"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("1.1", activity.GetTagItem("network.protocol.version"));
        Assert.Null(activity.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
    }

    [Fact]
    public void StopEvent_ServerError_ErrorTypeIsTheStatusCode()
    {
        var activity = new Activity(ActivityName);

        Net8HttpClientTags.Tag(activity, new HttpRequestMessage(HttpMethod.Post, "https://payments.example/charge"),
            new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), TaskStatus.RanToCompletion);

        Assert.Equal(503, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(443, activity.GetTagItem("server.port"));
        Assert.Equal("503", activity.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
    }

    [Fact]
    public void ExceptionEvent_TheExceptionTypeIsTheErrorType()
    {
        using var tags = Net8HttpClientTags.StartIfNeeded(new Version(8, 0));
        using var handler = new DiagnosticListener(ListenerName);
        var activity = new Activity(ActivityName);
        var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:1/");

        handler.StartActivity(activity, new { Request = request });
        handler.Write("System.Net.Http.Exception", new { Exception = new HttpRequestException("Connection refused"), Request = request });
        handler.StopActivity(activity, new { Response = (HttpResponseMessage?)null, Request = request, RequestTaskStatus = TaskStatus.Faulted });

        Assert.Equal("System.Net.Http.HttpRequestException", activity.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Null(activity.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public void StartIfNeeded_Net9AndLater_Nothing()
    {
        Assert.Null(Net8HttpClientTags.StartIfNeeded(new Version(9, 0)));
        Assert.Null(Net8HttpClientTags.StartIfNeeded(new Version(10, 0, 1)));
    }
}
