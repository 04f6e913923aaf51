using FlakyCollector.Metadata;

namespace FlakyCollector.Tests.Metadata;

public sealed class JenkinsTests
{
    private static Dictionary<string, string> FreestyleBuild() => new()
    {
        ["JENKINS_URL"] = "https://jenkins.contoso.net/",
        ["JOB_NAME"] = "shop/unit-tests",
        ["BUILD_ID"] = "184",
        ["BUILD_NUMBER"] = "184",
        ["BUILD_TAG"] = "jenkins-shop-unit-tests-184",
        ["BUILD_URL"] = "https://jenkins.contoso.net/job/shop/job/unit-tests/184/",
        ["NODE_NAME"] = "linux-agent-07",
        ["GIT_URL"] = "https://github.com/contoso/shop.git",
        ["GIT_COMMIT"] = "9b8a7c6d5e4f30211200ffeeddccbbaa99887766",
        ["GIT_BRANCH"] = "origin/main",
    };

    [Fact]
    public void Detect_FreestyleBuild_ReportsJobBuildNodeAndTrimmedRemoteBranch()
    {
        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(FreestyleBuild())).AsDictionary();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["flakytrace.cicd.provider.name"] = "jenkins",
                ["cicd.pipeline.name"] = "shop/unit-tests",
                ["cicd.pipeline.run.id"] = "184",
                ["cicd.pipeline.run.url.full"] = "https://jenkins.contoso.net/job/shop/job/unit-tests/184/",
                ["cicd.worker.name"] = "linux-agent-07",
                ["vcs.repository.url.full"] = "https://github.com/contoso/shop",
                ["vcs.ref.head.revision"] = "9b8a7c6d5e4f30211200ffeeddccbbaa99887766",
                ["vcs.ref.head.name"] = "main",
                ["vcs.provider.name"] = "github",
            },
            attributes);
    }

    [Fact]
    public void Detect_MultibranchPullRequest_UsesChangeBranchAndIdAndStage()
    {
        var environment = FreestyleBuild();
        environment["JOB_NAME"] = "shop/PR-42";
        environment["BRANCH_NAME"] = "PR-42";
        environment["GIT_BRANCH"] = "PR-42";
        environment["CHANGE_ID"] = "42";
        environment["CHANGE_BRANCH"] = "feature/faster-cart";
        environment["CHANGE_TARGET"] = "main";
        environment["STAGE_NAME"] = "Test";

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("feature/faster-cart", attributes.ValueOf("vcs.ref.head.name"));
        Assert.Equal("42", attributes.ValueOf("vcs.change.id"));
        Assert.Equal("Test", attributes.ValueOf("cicd.pipeline.task.name"));
    }

    [Fact]
    public void Detect_CredentialsInGitUrl_Removed()
    {
        var environment = FreestyleBuild();
        environment["GIT_URL"] = "https://jenkins-bot:ghp_jenkinsSecret@github.com/contoso/shop.git";

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("https://github.com/contoso/shop", attributes.ValueOf("vcs.repository.url.full"));
        attributes.AssertNoValueContains("ghp_jenkinsSecret");
        attributes.AssertNoValueContains("jenkins-bot");
    }

    [Fact]
    public void Detect_OnlyBuildNumber_UsedAsRunId()
    {
        var environment = FreestyleBuild();
        environment.Remove("BUILD_ID");

        Assert.Equal("184", CiEnvironment.Detect(MetadataLookup.Environment(environment)).ValueOf("cicd.pipeline.run.id"));
    }
}
