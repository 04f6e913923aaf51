using FlakyCollector.Analysis.Reading;

namespace FlakyCollector.Analysis.Tests.Reading;

public sealed class AttributeKeysTests
{
    [Theory]
    [InlineData("test.case.name", nameof(AttributeKey.TestCaseName))]
    [InlineData("test.case.result.status", nameof(AttributeKey.TestResultStatus))]
    [InlineData("test.outcome", nameof(AttributeKey.TestOutcome))]
    [InlineData("test.suite.name", nameof(AttributeKey.TestSuiteName))]
    [InlineData("test.run.id", nameof(AttributeKey.TestRunId))]
    [InlineData("flakytrace.testhost.pid", nameof(AttributeKey.TestHostPid))]
    [InlineData("test.case.attempt", nameof(AttributeKey.TestAttempt))]
    [InlineData("test.suite.run.status", nameof(AttributeKey.TestSuiteRunStatus))]
    [InlineData("error.type", nameof(AttributeKey.ErrorType))]
    [InlineData("http.request.method", nameof(AttributeKey.HttpMethod))]
    [InlineData("http.method", nameof(AttributeKey.HttpMethod))]
    [InlineData("url.full", nameof(AttributeKey.UrlFull))]
    [InlineData("http.url", nameof(AttributeKey.UrlFull))]
    [InlineData("url.path", nameof(AttributeKey.UrlPath))]
    [InlineData("server.address", nameof(AttributeKey.ServerAddress))]
    [InlineData("net.peer.name", nameof(AttributeKey.ServerAddress))]
    [InlineData("http.response.status_code", nameof(AttributeKey.HttpStatusCode))]
    [InlineData("http.status_code", nameof(AttributeKey.HttpStatusCode))]
    [InlineData("exception.type", nameof(AttributeKey.ExceptionType))]
    [InlineData("exception.message", nameof(AttributeKey.ExceptionMessage))]
    [InlineData("exception.stacktrace", nameof(AttributeKey.ExceptionStackTrace))]
    [InlineData("service.name", nameof(AttributeKey.ServiceName))]
    [InlineData("vcs.ref.head.revision", nameof(AttributeKey.Revision))]
    [InlineData("vcs.repository.ref.revision", nameof(AttributeKey.Revision))]
    [InlineData("host.name", nameof(AttributeKey.HostName))]
    [InlineData("code.function.name", nameof(AttributeKey.Unknown))]
    [InlineData("test.framework", nameof(AttributeKey.Unknown))]
    public void Classify_Key_MapsToAttribute(string key, string expected) =>
        Assert.Equal(Enum.Parse<AttributeKey>(expected), AttributeKeys.Classify(System.Text.Encoding.UTF8.GetBytes(key)));
}
