using FlakyCollector.Metadata;

namespace FlakyCollector.Tests.Metadata;

public sealed class GitHubActionsTests
{
    private static Dictionary<string, string> PushBuild() => new()
    {
        ["CI"] = "true",
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_WORKFLOW"] = "CI",
        ["GITHUB_RUN_ID"] = "9876543210",
        ["GITHUB_RUN_NUMBER"] = "412",
        ["GITHUB_RUN_ATTEMPT"] = "2",
        ["GITHUB_SERVER_URL"] = "https://github.com",
        ["GITHUB_REPOSITORY"] = "contoso/shop",
        ["GITHUB_JOB"] = "test",
        ["GITHUB_SHA"] = "4f3c2a1b0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b",
        ["GITHUB_REF"] = "refs/heads/main",
        ["GITHUB_REF_NAME"] = "main",
        ["GITHUB_REF_TYPE"] = "branch",
        ["GITHUB_HEAD_REF"] = "",
        ["RUNNER_NAME"] = "GitHub Actions 12",
    };

    [Fact]
    public void Detect_PushBuild_ReportsRunJobCommitAndBranch()
    {
        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(PushBuild())).AsDictionary();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["flakytrace.cicd.provider.name"] = "github_actions",
                ["cicd.pipeline.name"] = "CI",
                ["cicd.pipeline.run.id"] = "9876543210",
                ["cicd.pipeline.run.url.full"] = "https://github.com/contoso/shop/actions/runs/9876543210/attempts/2",
                ["cicd.pipeline.task.name"] = "test",
                ["cicd.worker.name"] = "GitHub Actions 12",
                ["vcs.repository.url.full"] = "https://github.com/contoso/shop",
                ["vcs.ref.head.revision"] = "4f3c2a1b0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b",
                ["vcs.ref.head.name"] = "main",
                ["vcs.provider.name"] = "github",
            },
            attributes);
    }

    [Fact]
    public void Detect_PullRequest_UsesHeadBranchAndPullNumber()
    {
        var environment = PushBuild();
        environment["GITHUB_REF"] = "refs/pull/57/merge";
        environment["GITHUB_REF_NAME"] = "57/merge";
        environment["GITHUB_HEAD_REF"] = "feature/checkout-retry";
        environment["GITHUB_BASE_REF"] = "main";

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("feature/checkout-retry", attributes.ValueOf("vcs.ref.head.name"));
        Assert.Equal("57", attributes.ValueOf("vcs.change.id"));
    }

    [Fact]
    public void Detect_PullRefWithoutHeadRef_LeavesBranchUnsetRatherThanMergeRefName()
    {
        var environment = PushBuild();
        environment["GITHUB_REF"] = "refs/pull/57/merge";
        environment["GITHUB_REF_NAME"] = "57/merge";

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Null(attributes.ValueOf("vcs.ref.head.name"));
        Assert.Equal("57", attributes.ValueOf("vcs.change.id"));
    }

    [Fact]
    public void Detect_EnterpriseServerWithCredentialsAndNoAttempt_StripsCredentialsAndOmitsAttempt()
    {
        var environment = PushBuild();
        environment["GITHUB_SERVER_URL"] = "https://x-access-token:ghs_secret123@ghe.contoso.com/";
        environment.Remove("GITHUB_RUN_ATTEMPT");

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("https://ghe.contoso.com/contoso/shop", attributes.ValueOf("vcs.repository.url.full"));
        Assert.Equal("https://ghe.contoso.com/contoso/shop/actions/runs/9876543210", attributes.ValueOf("cicd.pipeline.run.url.full"));
        attributes.AssertNoValueContains("ghs_secret123");
    }

    [Fact]
    public void Detect_GitHubActionsFalse_NotDetected()
    {
        var environment = PushBuild();
        environment["GITHUB_ACTIONS"] = "false";

        Assert.Empty(CiEnvironment.Detect(MetadataLookup.Environment(environment)));
    }
}
