using FlakyCollector.Metadata;

namespace FlakyCollector.Tests.Metadata;

public sealed class RunMetadataTests
{
    [Fact]
    public void Detect_CiWithoutCommitDetails_FillsBranchCommitAndUrlFromGitFolder()
    {
        using var repository = TempGitRepository.Clone();
        var environment = new Dictionary<string, string>
        {
            ["TEAMCITY_VERSION"] = "2025.03.2 (build 186049)",
            ["TEAMCITY_BUILDCONF_NAME"] = "Unit Tests",
            ["BUILD_NUMBER"] = "233",
        };

        var attributes = RunMetadata.Detect(MetadataLookup.Environment(environment), repository.Folder("bin")).AsDictionary();

        Assert.Equal("Unit Tests", attributes["cicd.pipeline.name"]);
        Assert.Equal("main", attributes["vcs.ref.head.name"]);
        Assert.Equal(TempGitRepository.MainCommit, attributes["vcs.ref.head.revision"]);
        Assert.Equal("https://github.com/contoso/shop", attributes["vcs.repository.url.full"]);
        Assert.Equal("github", attributes["vcs.provider.name"]);
    }

    [Fact]
    public void Detect_CiAndGitDisagree_CiValuesWin()
    {
        using var repository = TempGitRepository.Clone();
        var environment = new Dictionary<string, string>
        {
            ["GITLAB_CI"] = "true",
            ["CI_COMMIT_SHA"] = TempGitRepository.FeatureCommit,
            ["CI_COMMIT_REF_NAME"] = "feature/retry",
            ["CI_PROJECT_URL"] = "https://gitlab.com/contoso/shop",
        };

        var attributes = RunMetadata.Detect(MetadataLookup.Environment(environment), repository.Root).AsDictionary();

        Assert.Equal(TempGitRepository.FeatureCommit, attributes["vcs.ref.head.revision"]);
        Assert.Equal("feature/retry", attributes["vcs.ref.head.name"]);
        Assert.Equal("https://gitlab.com/contoso/shop", attributes["vcs.repository.url.full"]);
        Assert.Equal("gitlab", attributes["vcs.provider.name"]);
    }

    [Fact]
    public void Detect_DetachedCiCheckout_KeepsCiBranchAndTakesOnlyWhatIsMissing()
    {
        using var repository = TempGitRepository.Clone();
        repository.Write(".git/HEAD", TempGitRepository.MainCommit + "\n");
        var environment = new Dictionary<string, string> { ["TRAVIS"] = "true", ["TRAVIS_BRANCH"] = "main" };

        var attributes = RunMetadata.Detect(MetadataLookup.Environment(environment), repository.Root).AsDictionary();

        Assert.Equal("main", attributes["vcs.ref.head.name"]);
        Assert.Equal(TempGitRepository.MainCommit, attributes["vcs.ref.head.revision"]);
        Assert.Equal("https://github.com/contoso/shop", attributes["vcs.repository.url.full"]);
    }

    [Fact]
    public void Detect_NoCiLocalClone_GitAttributesOnly()
    {
        using var repository = TempGitRepository.Clone();

        var attributes = RunMetadata.Detect(MetadataLookup.Environment([]), repository.Root);

        Assert.Equal(["vcs.ref.head.name", "vcs.ref.head.revision", "vcs.repository.url.full", "vcs.provider.name"], attributes.Select(a => a.Key));
    }

    [Fact]
    public void Detect_TokensInCiAndGitUrls_NoneSurvive()
    {
        using var repository = TempGitRepository.Clone();
        repository.Write(".git/config", "[remote \"origin\"]\n\turl = https://oauth2:gitSecret@git.contoso.net/shop.git\n");
        var environment = new Dictionary<string, string>
        {
            ["JENKINS_URL"] = "https://jenkins.contoso.net/",
            ["BUILD_URL"] = "https://admin:jenkinsSecret@jenkins.contoso.net/job/shop/7/",
        };

        var attributes = RunMetadata.Detect(MetadataLookup.Environment(environment), repository.Root);

        Assert.Equal("https://jenkins.contoso.net/job/shop/7/", attributes.ValueOf("cicd.pipeline.run.url.full"));
        Assert.Equal("https://git.contoso.net/shop", attributes.ValueOf("vcs.repository.url.full"));
        attributes.AssertNoValueContains("gitSecret");
        attributes.AssertNoValueContains("jenkinsSecret");
    }

    [Fact]
    public void Detect_NullStartDirectory_CiOnly()
    {
        var attributes = RunMetadata.Detect(MetadataLookup.Environment(new() { ["TRAVIS"] = "true" }), null);

        Assert.Equal(["flakytrace.cicd.provider.name"], attributes.Select(a => a.Key));
    }

    [Fact]
    public void Detect_EnvironmentReaderThrows_NoThrowAndGitStillRead()
    {
        using var repository = TempGitRepository.Clone();

        var attributes = RunMetadata.Detect(_ => throw new InvalidOperationException("boom"), repository.Root);

        Assert.Equal(TempGitRepository.MainCommit, attributes.ValueOf("vcs.ref.head.revision"));
    }
}
