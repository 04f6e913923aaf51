using FlakyCollector.IntegrationTests.Infrastructure;
using FlakyCollector.Testing;

namespace FlakyCollector.IntegrationTests;

/// <summary>The CI pipeline and commit on the resource of spans received over OTLP, for three CI systems.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class CiMetadataTests(PackageFeed feed)
{
    public static TheoryData<string, Dictionary<string, string?>, Dictionary<string, string>> Pipelines => new()
    {
        {
            "GitHub Actions",
            new()
            {
                ["GITHUB_ACTIONS"] = "true", ["GITHUB_WORKFLOW"] = "tests", ["GITHUB_RUN_ID"] = "4242", ["GITHUB_JOB"] = "unit",
                ["GITHUB_SERVER_URL"] = "https://github.com", ["GITHUB_REPOSITORY"] = "acme/orders", ["GITHUB_SHA"] = "0123456789abcdef0123456789abcdef01234567",
                ["GITHUB_REF"] = "refs/heads/main", ["GITHUB_REF_NAME"] = "main",
            },
            new()
            {
                ["cicd.pipeline.name"] = "tests", ["cicd.pipeline.run.id"] = "4242", ["cicd.pipeline.task.name"] = "unit",
                ["cicd.pipeline.run.url.full"] = "https://github.com/acme/orders/actions/runs/4242",
                ["vcs.ref.head.revision"] = "0123456789abcdef0123456789abcdef01234567", ["vcs.ref.head.name"] = "main",
            }
        },
        {
            "GitLab CI",
            new()
            {
                ["GITLAB_CI"] = "true", ["CI_PIPELINE_ID"] = "777", ["CI_PIPELINE_URL"] = "https://gitlab.example.com/acme/orders/-/pipelines/777",
                ["CI_JOB_NAME"] = "test", ["CI_JOB_ID"] = "9001", ["CI_PROJECT_URL"] = "https://gitlab.example.com/acme/orders",
                ["CI_COMMIT_SHA"] = "fedcba9876543210fedcba9876543210fedcba98", ["CI_COMMIT_REF_NAME"] = "feature/x", ["CI_PROJECT_PATH"] = "acme/orders",
                ["CI_REPOSITORY_URL"] = "https://gitlab-ci-token:TOPSECRET@gitlab.example.com/acme/orders.git",
            },
            new()
            {
                ["cicd.pipeline.run.id"] = "777", ["cicd.pipeline.task.name"] = "test", ["cicd.pipeline.task.run.id"] = "9001",
                ["vcs.ref.head.revision"] = "fedcba9876543210fedcba9876543210fedcba98", ["vcs.ref.head.name"] = "feature/x",
            }
        },
        {
            "Azure Pipelines",
            new()
            {
                ["TF_BUILD"] = "True", ["BUILD_DEFINITIONNAME"] = "orders-ci", ["BUILD_BUILDID"] = "555", ["SYSTEM_JOBDISPLAYNAME"] = "Test",
                ["SYSTEM_TEAMFOUNDATIONSERVERURI"] = "https://dev.azure.com/acme/", ["SYSTEM_TEAMPROJECT"] = "orders", ["SYSTEM_TEAMPROJECTID"] = "orders",
                ["BUILD_REPOSITORY_URI"] = "https://dev.azure.com/acme/orders/_git/orders", ["BUILD_SOURCEVERSION"] = "00112233445566778899aabbccddeeff00112233",
                ["BUILD_SOURCEBRANCH"] = "refs/heads/release/1.0",
            },
            new()
            {
                ["cicd.pipeline.name"] = "orders-ci", ["cicd.pipeline.run.id"] = "555", ["cicd.pipeline.task.name"] = "Test",
                ["vcs.ref.head.revision"] = "00112233445566778899aabbccddeeff00112233", ["vcs.ref.head.name"] = "release/1.0",
            }
        },
    };

    [Theory]
    [MemberData(nameof(Pipelines))]
    public async Task TheCiPipelineAndCommit_AreOnTheResource(string provider, Dictionary<string, string?> environment, Dictionary<string, string> expected)
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var sample = SampleProject.Create("XunitSample", feed);
        environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.GrpcEndpoint.ToString();
        environment["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=ci";

        var run = sample.Test(["--collect", "FlakyTrace"], environment);

        Assert.True(receiver.SpanCount > 0, $"{provider}: no spans received.\n{run.Process.Output}");
        var resource = receiver.Exports.SelectMany(e => e.Request.ResourceSpans).Select(r => r.Resource).First();
        var attributes = resource.Attributes.ToDictionary(a => a.Key, a => a.Value.StringValue);
        foreach (var (key, value) in expected)
        {
            Assert.True(attributes.TryGetValue(key, out var actual) && actual == value, $"{provider}: {key} expected '{value}', got '{actual}'");
        }

        Assert.Equal("ci", attributes["deployment.environment"]);
        Assert.DoesNotContain(resource.Attributes, a => a.Value.StringValue.Contains("TOPSECRET", StringComparison.Ordinal));
    }
}
