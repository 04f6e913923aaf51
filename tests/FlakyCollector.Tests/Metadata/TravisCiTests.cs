using FlakyCollector.Metadata;

namespace FlakyCollector.Tests.Metadata;

public sealed class TravisCiTests
{
    private static Dictionary<string, string> PushBuild() => new()
    {
        ["CI"] = "true",
        ["TRAVIS"] = "true",
        ["TRAVIS_REPO_SLUG"] = "contoso/shop",
        ["TRAVIS_BUILD_ID"] = "1057341261",
        ["TRAVIS_BUILD_NUMBER"] = "311",
        ["TRAVIS_BUILD_WEB_URL"] = "https://app.travis-ci.com/contoso/shop/builds/1057341261",
        ["TRAVIS_JOB_NAME"] = "unit tests",
        ["TRAVIS_JOB_ID"] = "589927153",
        ["TRAVIS_JOB_WEB_URL"] = "https://app.travis-ci.com/contoso/shop/jobs/589927153",
        ["TRAVIS_COMMIT"] = "5d41402abc4b2a76b9719d911017c592ae1d4f3e",
        ["TRAVIS_BRANCH"] = "main",
        ["TRAVIS_PULL_REQUEST"] = "false",
        ["TRAVIS_PULL_REQUEST_BRANCH"] = "",
    };

    [Fact]
    public void Detect_PushBuild_ReportsBuildJobAndBranchWithoutChangeId()
    {
        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(PushBuild())).AsDictionary();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["flakytrace.cicd.provider.name"] = "travis_ci",
                ["cicd.pipeline.name"] = "contoso/shop",
                ["cicd.pipeline.run.id"] = "1057341261",
                ["cicd.pipeline.run.url.full"] = "https://app.travis-ci.com/contoso/shop/builds/1057341261",
                ["cicd.pipeline.task.name"] = "unit tests",
                ["cicd.pipeline.task.run.id"] = "589927153",
                ["cicd.pipeline.task.run.url.full"] = "https://app.travis-ci.com/contoso/shop/jobs/589927153",
                ["vcs.ref.head.revision"] = "5d41402abc4b2a76b9719d911017c592ae1d4f3e",
                ["vcs.ref.head.name"] = "main",
            },
            attributes);
    }

    [Fact]
    public void Detect_PullRequest_UsesPullRequestBranchNotTarget()
    {
        var environment = PushBuild();
        environment["TRAVIS_PULL_REQUEST"] = "64";
        environment["TRAVIS_PULL_REQUEST_BRANCH"] = "feature/returns";

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("feature/returns", attributes.ValueOf("vcs.ref.head.name"));
        Assert.Equal("64", attributes.ValueOf("vcs.change.id"));
    }
}
