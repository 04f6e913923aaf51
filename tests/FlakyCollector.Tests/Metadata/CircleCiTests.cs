using FlakyCollector.Metadata;

namespace FlakyCollector.Tests.Metadata;

public sealed class CircleCiTests
{
    private static Dictionary<string, string> BranchBuild() => new()
    {
        ["CI"] = "true",
        ["CIRCLECI"] = "true",
        ["CIRCLE_PROJECT_USERNAME"] = "contoso",
        ["CIRCLE_PROJECT_REPONAME"] = "shop",
        ["CIRCLE_WORKFLOW_ID"] = "6c1c5b0e-9d7a-4c4e-8f2e-3b9a1f0d2e4c",
        ["CIRCLE_JOB"] = "test-net8",
        ["CIRCLE_BUILD_NUM"] = "5521",
        ["CIRCLE_BUILD_URL"] = "https://circleci.com/gh/contoso/shop/5521",
        ["CIRCLE_REPOSITORY_URL"] = "git@github.com:contoso/shop.git",
        ["CIRCLE_SHA1"] = "00112233445566778899aabbccddeeff00112233",
        ["CIRCLE_BRANCH"] = "main",
    };

    [Fact]
    public void Detect_BranchBuild_ReportsWorkflowJobAndCanonicalRepositoryUrl()
    {
        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(BranchBuild())).AsDictionary();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["flakytrace.cicd.provider.name"] = "circleci",
                ["cicd.pipeline.name"] = "shop",
                ["cicd.pipeline.run.id"] = "6c1c5b0e-9d7a-4c4e-8f2e-3b9a1f0d2e4c",
                ["cicd.pipeline.run.url.full"] = "https://app.circleci.com/pipelines/workflows/6c1c5b0e-9d7a-4c4e-8f2e-3b9a1f0d2e4c",
                ["cicd.pipeline.task.name"] = "test-net8",
                ["cicd.pipeline.task.run.id"] = "5521",
                ["cicd.pipeline.task.run.url.full"] = "https://circleci.com/gh/contoso/shop/5521",
                ["vcs.repository.url.full"] = "https://github.com/contoso/shop",
                ["vcs.ref.head.revision"] = "00112233445566778899aabbccddeeff00112233",
                ["vcs.ref.head.name"] = "main",
                ["vcs.provider.name"] = "github",
            },
            attributes);
    }

    [Fact]
    public void Detect_PullRequestFromSameRepository_NumberTakenFromPullRequestUrl()
    {
        var environment = BranchBuild();
        environment["CIRCLE_BRANCH"] = "feature/coupons";
        environment["CIRCLE_PULL_REQUEST"] = "https://github.com/contoso/shop/pull/903";

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("feature/coupons", attributes.ValueOf("vcs.ref.head.name"));
        Assert.Equal("903", attributes.ValueOf("vcs.change.id"));
    }

    [Fact]
    public void Detect_PullRequestFromFork_UsesPrNumber()
    {
        var environment = BranchBuild();
        environment["CIRCLE_BRANCH"] = "pull/904";
        environment["CIRCLE_PR_NUMBER"] = "904";
        environment["CIRCLE_PULL_REQUEST"] = "https://github.com/contoso/shop/pull/904";

        Assert.Equal("904", CiEnvironment.Detect(MetadataLookup.Environment(environment)).ValueOf("vcs.change.id"));
    }

    [Fact]
    public void Detect_TokenInRepositoryUrl_Removed()
    {
        var environment = BranchBuild();
        environment["CIRCLE_REPOSITORY_URL"] = "https://x-token-auth:circleSecret99@bitbucket.org/contoso/shop.git";

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("https://bitbucket.org/contoso/shop", attributes.ValueOf("vcs.repository.url.full"));
        Assert.Equal("bitbucket", attributes.ValueOf("vcs.provider.name"));
        attributes.AssertNoValueContains("circleSecret99");
    }
}
