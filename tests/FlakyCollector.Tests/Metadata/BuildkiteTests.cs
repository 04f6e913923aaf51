using FlakyCollector.Metadata;

namespace FlakyCollector.Tests.Metadata;

public sealed class BuildkiteTests
{
    private static Dictionary<string, string> BranchBuild() => new()
    {
        ["CI"] = "true",
        ["BUILDKITE"] = "true",
        ["BUILDKITE_PIPELINE_SLUG"] = "shop",
        ["BUILDKITE_ORGANIZATION_SLUG"] = "contoso",
        ["BUILDKITE_BUILD_ID"] = "b81ed283-58b7-4925-aa4a-d3da0eafcf2b",
        ["BUILDKITE_BUILD_NUMBER"] = "59034",
        ["BUILDKITE_BUILD_URL"] = "https://buildkite.com/contoso/shop/builds/59034",
        ["BUILDKITE_LABEL"] = ":dotnet: unit tests",
        ["BUILDKITE_JOB_ID"] = "d593f546-8c9a-45f8-8701-a2b92fbea9a7",
        ["BUILDKITE_AGENT_NAME"] = "buildkite-i-0ecc27500782e25cf-1",
        ["BUILDKITE_REPO"] = "git@github.com:contoso/shop.git",
        ["BUILDKITE_COMMIT"] = "a0bd708bcdebced545b62a842a0350ccd1d683b7",
        ["BUILDKITE_BRANCH"] = "main",
        ["BUILDKITE_PULL_REQUEST"] = "false",
    };

    [Fact]
    public void Detect_BranchBuild_ReportsBuildJobAgentWithoutChangeId()
    {
        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(BranchBuild())).AsDictionary();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["flakytrace.cicd.provider.name"] = "buildkite",
                ["cicd.pipeline.name"] = "shop",
                ["cicd.pipeline.run.id"] = "b81ed283-58b7-4925-aa4a-d3da0eafcf2b",
                ["cicd.pipeline.run.url.full"] = "https://buildkite.com/contoso/shop/builds/59034",
                ["cicd.pipeline.task.name"] = ":dotnet: unit tests",
                ["cicd.pipeline.task.run.id"] = "d593f546-8c9a-45f8-8701-a2b92fbea9a7",
                ["cicd.pipeline.task.run.url.full"] = "https://buildkite.com/contoso/shop/builds/59034#d593f546-8c9a-45f8-8701-a2b92fbea9a7",
                ["cicd.worker.name"] = "buildkite-i-0ecc27500782e25cf-1",
                ["vcs.repository.url.full"] = "https://github.com/contoso/shop",
                ["vcs.ref.head.revision"] = "a0bd708bcdebced545b62a842a0350ccd1d683b7",
                ["vcs.ref.head.name"] = "main",
                ["vcs.provider.name"] = "github",
            },
            attributes);
    }

    [Fact]
    public void Detect_PullRequest_ReportsNumber()
    {
        var environment = BranchBuild();
        environment["BUILDKITE_BRANCH"] = "feature/gift-cards";
        environment["BUILDKITE_PULL_REQUEST"] = "1287";
        environment["BUILDKITE_PULL_REQUEST_BASE_BRANCH"] = "main";

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("feature/gift-cards", attributes.ValueOf("vcs.ref.head.name"));
        Assert.Equal("1287", attributes.ValueOf("vcs.change.id"));
    }

    [Fact]
    public void Detect_CommitIsHead_RevisionLeftForGitFolder()
    {
        var environment = BranchBuild();
        environment["BUILDKITE_COMMIT"] = "HEAD";

        Assert.Null(CiEnvironment.Detect(MetadataLookup.Environment(environment)).ValueOf("vcs.ref.head.revision"));
    }

    [Fact]
    public void Detect_TokenInRepo_Removed()
    {
        var environment = BranchBuild();
        environment["BUILDKITE_REPO"] = "https://buildkite:bk_secret_0001@git.contoso.net/shop.git";

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("https://git.contoso.net/shop", attributes.ValueOf("vcs.repository.url.full"));
        attributes.AssertNoValueContains("bk_secret_0001");
    }
}
