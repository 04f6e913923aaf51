using FlakyCollector.Metadata;

namespace FlakyCollector.Tests.Metadata;

public sealed class AppVeyorTests
{
    private static Dictionary<string, string> BranchBuild() => new()
    {
        ["APPVEYOR"] = "True",
        ["CI"] = "True",
        ["APPVEYOR_URL"] = "https://ci.appveyor.com",
        ["APPVEYOR_ACCOUNT_NAME"] = "contoso",
        ["APPVEYOR_PROJECT_NAME"] = "Shop",
        ["APPVEYOR_PROJECT_SLUG"] = "shop",
        ["APPVEYOR_BUILD_ID"] = "16586877",
        ["APPVEYOR_BUILD_NUMBER"] = "8",
        ["APPVEYOR_JOB_ID"] = "223msqsfyu1vim73",
        ["APPVEYOR_JOB_NAME"] = "Environment: configuration=Release",
        ["APPVEYOR_REPO_PROVIDER"] = "gitHub",
        ["APPVEYOR_REPO_NAME"] = "contoso/shop",
        ["APPVEYOR_REPO_BRANCH"] = "main",
        ["APPVEYOR_REPO_COMMIT"] = "67c6a0621ed8e14252c9f1edecc85adeb41e60b2",
    };

    [Fact]
    public void Detect_BranchBuild_ReportsBuildJobUrlsAndGitHubRepository()
    {
        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(BranchBuild())).AsDictionary();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["flakytrace.cicd.provider.name"] = "appveyor",
                ["cicd.pipeline.name"] = "Shop",
                ["cicd.pipeline.run.id"] = "16586877",
                ["cicd.pipeline.run.url.full"] = "https://ci.appveyor.com/project/contoso/shop/builds/16586877",
                ["cicd.pipeline.task.name"] = "Environment: configuration=Release",
                ["cicd.pipeline.task.run.id"] = "223msqsfyu1vim73",
                ["cicd.pipeline.task.run.url.full"] = "https://ci.appveyor.com/project/contoso/shop/build/job/223msqsfyu1vim73",
                ["vcs.repository.url.full"] = "https://github.com/contoso/shop",
                ["vcs.ref.head.revision"] = "67c6a0621ed8e14252c9f1edecc85adeb41e60b2",
                ["vcs.ref.head.name"] = "main",
                ["vcs.provider.name"] = "github",
            },
            attributes);
    }

    [Fact]
    public void Detect_PullRequest_UsesHeadBranchNotTargetBranch()
    {
        var environment = BranchBuild();
        environment["APPVEYOR_PULL_REQUEST_NUMBER"] = "5";
        environment["APPVEYOR_PULL_REQUEST_HEAD_REPO_BRANCH"] = "pr-vicugna";
        environment["APPVEYOR_PULL_REQUEST_HEAD_REPO_NAME"] = "contoso/shop";

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("pr-vicugna", attributes.ValueOf("vcs.ref.head.name"));
        Assert.Equal("5", attributes.ValueOf("vcs.change.id"));
    }

    [Fact]
    public void Detect_UbuntuImageLowerCaseFlagAndBitbucket_DetectedWithoutGuessingRepositoryHost()
    {
        var environment = BranchBuild();
        environment["APPVEYOR"] = "true";
        environment["APPVEYOR_REPO_PROVIDER"] = "bitbucket";

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("appveyor", attributes.ValueOf("flakytrace.cicd.provider.name"));
        Assert.Null(attributes.ValueOf("vcs.repository.url.full"));
        Assert.Equal("bitbucket", attributes.ValueOf("vcs.provider.name"));
    }

    [Fact]
    public void Detect_CredentialsInServerUrl_Removed()
    {
        var environment = BranchBuild();
        environment["APPVEYOR_URL"] = "https://admin:onPremSecret@appveyor.contoso.net/";

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("https://appveyor.contoso.net/project/contoso/shop/builds/16586877", attributes.ValueOf("cicd.pipeline.run.url.full"));
        attributes.AssertNoValueContains("onPremSecret");
    }
}
