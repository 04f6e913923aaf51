using FlakyCollector.Metadata;

namespace FlakyCollector.Tests.Metadata;

public sealed class BitbucketPipelinesTests
{
    private static Dictionary<string, string> BranchBuild() => new()
    {
        ["CI"] = "true",
        ["BITBUCKET_BUILD_NUMBER"] = "77",
        ["BITBUCKET_REPO_FULL_NAME"] = "contoso/shop",
        ["BITBUCKET_REPO_SLUG"] = "shop",
        ["BITBUCKET_WORKSPACE"] = "contoso",
        ["BITBUCKET_PIPELINE_UUID"] = "{8f0d5a3e-3c1b-4f6e-9d2a-7b5c4e3f2a10}",
        ["BITBUCKET_STEP_UUID"] = "{a4b3c2d1-0e9f-4a8b-8c7d-6e5f4a3b2c1d}",
        ["BITBUCKET_GIT_HTTP_ORIGIN"] = "http://bitbucket.org/contoso/shop",
        ["BITBUCKET_GIT_SSH_ORIGIN"] = "git@bitbucket.org:contoso/shop.git",
        ["BITBUCKET_COMMIT"] = "fedcba9876543210fedcba9876543210fedcba98",
        ["BITBUCKET_BRANCH"] = "develop",
        ["BITBUCKET_CLONE_DIR"] = "/opt/atlassian/pipelines/agent/build",
    };

    [Fact]
    public void Detect_BranchBuild_ReportsUuidsResultUrlAndHttpsRepository()
    {
        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(BranchBuild())).AsDictionary();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["flakytrace.cicd.provider.name"] = "bitbucket_pipelines",
                ["cicd.pipeline.name"] = "contoso/shop",
                ["cicd.pipeline.run.id"] = "8f0d5a3e-3c1b-4f6e-9d2a-7b5c4e3f2a10",
                ["cicd.pipeline.run.url.full"] = "https://bitbucket.org/contoso/shop/pipelines/results/77",
                ["cicd.pipeline.task.run.id"] = "a4b3c2d1-0e9f-4a8b-8c7d-6e5f4a3b2c1d",
                ["vcs.repository.url.full"] = "https://bitbucket.org/contoso/shop",
                ["vcs.ref.head.revision"] = "fedcba9876543210fedcba9876543210fedcba98",
                ["vcs.ref.head.name"] = "develop",
                ["vcs.provider.name"] = "bitbucket",
            },
            attributes);
    }

    [Fact]
    public void Detect_PullRequest_ReportsSourceBranchAndId()
    {
        var environment = BranchBuild();
        environment["BITBUCKET_BRANCH"] = "feature/wishlist";
        environment["BITBUCKET_PR_ID"] = "19";
        environment["BITBUCKET_PR_DESTINATION_BRANCH"] = "develop";

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("feature/wishlist", attributes.ValueOf("vcs.ref.head.name"));
        Assert.Equal("19", attributes.ValueOf("vcs.change.id"));
    }

    [Fact]
    public void Detect_TagBuild_UsesTag()
    {
        var environment = BranchBuild();
        environment.Remove("BITBUCKET_BRANCH");
        environment["BITBUCKET_TAG"] = "v1.8.0";

        Assert.Equal("v1.8.0", CiEnvironment.Detect(MetadataLookup.Environment(environment)).ValueOf("vcs.ref.head.name"));
    }

    [Fact]
    public void Detect_CredentialsInOrigin_Removed()
    {
        var environment = BranchBuild();
        environment["BITBUCKET_GIT_HTTP_ORIGIN"] = "https://x-token-auth:bbSecretToken@bitbucket.org/contoso/shop";

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("https://bitbucket.org/contoso/shop", attributes.ValueOf("vcs.repository.url.full"));
        attributes.AssertNoValueContains("bbSecretToken");
    }
}
