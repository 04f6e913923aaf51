using FlakyCollector.Metadata;

namespace FlakyCollector.Tests.Metadata;

public sealed class CiEnvironmentTests
{
    [Fact]
    public void Detect_NoCiVariables_ReturnsEmpty()
    {
        var environment = new Dictionary<string, string> { ["PATH"] = "/usr/bin", ["HOME"] = "/home/dev", ["CI"] = "true" };

        Assert.Empty(CiEnvironment.Detect(MetadataLookup.Environment(environment)));
    }

    [Fact]
    public void Detect_BlankValues_TreatedAsUnset()
    {
        var environment = new Dictionary<string, string>
        {
            ["GITLAB_CI"] = "true",
            ["CI_PIPELINE_ID"] = "  ",
            ["CI_JOB_NAME"] = "",
            ["CI_COMMIT_SHA"] = " a1b2c3d4e5f60718293a4b5c6d7e8f9011223344 ",
        };

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment)).AsDictionary();

        Assert.False(attributes.ContainsKey("cicd.pipeline.run.id"));
        Assert.False(attributes.ContainsKey("cicd.pipeline.task.name"));
        Assert.Equal("a1b2c3d4e5f60718293a4b5c6d7e8f9011223344", attributes["vcs.ref.head.revision"]);
    }

    [Fact]
    public void Detect_GitHubRunnerOnJenkinsNode_MoreSpecificGitHubWins()
    {
        var environment = new Dictionary<string, string>
        {
            ["JENKINS_URL"] = "https://jenkins.contoso.net/",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_RUN_ID"] = "42",
        };

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("github_actions", attributes.ValueOf("flakytrace.cicd.provider.name"));
        Assert.Equal("42", attributes.ValueOf("cicd.pipeline.run.id"));
    }

    [Fact]
    public void Detect_Always_UsesOnlySemanticConventionNamesOrFlakyTracePrefix()
    {
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKFLOW"] = "CI",
            ["GITHUB_RUN_ID"] = "1",
            ["GITHUB_REPOSITORY"] = "contoso/shop",
            ["GITHUB_JOB"] = "test",
            ["GITHUB_SHA"] = "4f3c2a1b0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b",
            ["GITHUB_REF"] = "refs/pull/3/merge",
            ["GITHUB_HEAD_REF"] = "topic",
            ["RUNNER_NAME"] = "runner",
        };

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.All(attributes, a => Assert.True(
            a.Key.StartsWith("cicd.", StringComparison.Ordinal) || a.Key.StartsWith("vcs.", StringComparison.Ordinal) || a.Key.StartsWith("flakytrace.", StringComparison.Ordinal),
            a.Key));
    }
}
