using FlakyCollector.Metadata;

namespace FlakyCollector.Tests.Metadata;

public sealed class AzurePipelinesTests
{
    private static Dictionary<string, string> CiBuild() => new()
    {
        ["TF_BUILD"] = "True",
        ["BUILD_DEFINITIONNAME"] = "shop-ci",
        ["BUILD_BUILDID"] = "20417",
        ["BUILD_BUILDNUMBER"] = "20250314.3",
        ["SYSTEM_TEAMFOUNDATIONSERVERURI"] = "https://dev.azure.com/contoso/",
        ["SYSTEM_COLLECTIONURI"] = "https://dev.azure.com/contoso/",
        ["SYSTEM_TEAMPROJECTID"] = "3f1c7a52-7d4e-4b7f-9a51-0c2c4a8e1d11",
        ["SYSTEM_TEAMPROJECT"] = "Shop",
        ["SYSTEM_JOBDISPLAYNAME"] = "Test on ubuntu",
        ["SYSTEM_JOBID"] = "12f1170f-54f2-53f3-20dd-22fc7dff55f9",
        ["AGENT_NAME"] = "Azure Pipelines 3",
        ["BUILD_REPOSITORY_URI"] = "https://contoso@dev.azure.com/contoso/Shop/_git/shop",
        ["BUILD_REPOSITORY_PROVIDER"] = "TfsGit",
        ["BUILD_SOURCEVERSION"] = "0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5",
        ["BUILD_SOURCEBRANCH"] = "refs/heads/main",
        ["BUILD_SOURCEBRANCHNAME"] = "main",
    };

    [Fact]
    public void Detect_CiBuild_ReportsRunUrlJobAgentAndBranch()
    {
        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(CiBuild())).AsDictionary();

        const string RunUrl = "https://dev.azure.com/contoso/3f1c7a52-7d4e-4b7f-9a51-0c2c4a8e1d11/_build/results?buildId=20417";
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["flakytrace.cicd.provider.name"] = "azure_pipelines",
                ["cicd.pipeline.name"] = "shop-ci",
                ["cicd.pipeline.run.id"] = "20417",
                ["cicd.pipeline.run.url.full"] = RunUrl,
                ["cicd.pipeline.task.name"] = "Test on ubuntu",
                ["cicd.pipeline.task.run.id"] = "12f1170f-54f2-53f3-20dd-22fc7dff55f9",
                ["cicd.pipeline.task.run.url.full"] = RunUrl + "&view=logs&j=12f1170f-54f2-53f3-20dd-22fc7dff55f9",
                ["cicd.worker.name"] = "Azure Pipelines 3",
                ["vcs.repository.url.full"] = "https://dev.azure.com/contoso/Shop/_git/shop",
                ["vcs.ref.head.revision"] = "0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5",
                ["vcs.ref.head.name"] = "main",
            },
            attributes);
    }

    [Fact]
    public void Detect_GitHubPullRequest_UsesSourceBranchNumberAndGitHubProvider()
    {
        var environment = CiBuild();
        environment["BUILD_REPOSITORY_PROVIDER"] = "GitHub";
        environment["BUILD_REPOSITORY_URI"] = "https://github.com/contoso/shop";
        environment["BUILD_SOURCEBRANCH"] = "refs/pull/57/merge";
        environment["SYSTEM_PULLREQUEST_SOURCEBRANCH"] = "refs/heads/feature/pay-later";
        environment["SYSTEM_PULLREQUEST_TARGETBRANCH"] = "refs/heads/main";
        environment["SYSTEM_PULLREQUEST_PULLREQUESTID"] = "1180774436";
        environment["SYSTEM_PULLREQUEST_PULLREQUESTNUMBER"] = "57";

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("feature/pay-later", attributes.ValueOf("vcs.ref.head.name"));
        Assert.Equal("57", attributes.ValueOf("vcs.change.id"));
        Assert.Equal("github", attributes.ValueOf("vcs.provider.name"));
    }

    [Fact]
    public void Detect_AzureReposPullRequest_UsesPullRequestId()
    {
        var environment = CiBuild();
        environment["BUILD_SOURCEBRANCH"] = "refs/pull/311/merge";
        environment["SYSTEM_PULLREQUEST_SOURCEBRANCH"] = "refs/heads/topic";
        environment["SYSTEM_PULLREQUEST_PULLREQUESTID"] = "311";

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("topic", attributes.ValueOf("vcs.ref.head.name"));
        Assert.Equal("311", attributes.ValueOf("vcs.change.id"));
    }

    [Fact]
    public void Detect_PersonalAccessTokenInRepositoryUri_Removed()
    {
        var environment = CiBuild();
        environment["BUILD_REPOSITORY_URI"] = "https://build:pat7q2secret@dev.azure.com/contoso/Shop/_git/shop";

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("https://dev.azure.com/contoso/Shop/_git/shop", attributes.ValueOf("vcs.repository.url.full"));
        attributes.AssertNoValueContains("pat7q2secret");
    }

    [Fact]
    public void Detect_TagBuild_ShortTagName()
    {
        var environment = CiBuild();
        environment["BUILD_SOURCEBRANCH"] = "refs/tags/v2.4.0";

        Assert.Equal("v2.4.0", CiEnvironment.Detect(MetadataLookup.Environment(environment)).ValueOf("vcs.ref.head.name"));
    }
}
