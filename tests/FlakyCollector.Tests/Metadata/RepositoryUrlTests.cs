using FlakyCollector.Metadata;

namespace FlakyCollector.Tests.Metadata;

public sealed class RepositoryUrlTests
{
    [Theory]
    [InlineData("https://github.com/org/repo.git", "https://github.com/org/repo")]
    [InlineData("https://github.com/org/repo/", "https://github.com/org/repo")]
    [InlineData("git@github.com:org/repo.git", "https://github.com/org/repo")]
    [InlineData("ssh://git@github.com:22/org/repo.git", "https://github.com/org/repo")]
    [InlineData("git@gitlab.com:group/sub/project.git", "https://gitlab.com/group/sub/project")]
    [InlineData("http://bitbucket.org/team/repo", "https://bitbucket.org/team/repo")]
    [InlineData("https://token@GitHub.com/org/repo.git", "https://github.com/org/repo")]
    [InlineData("https://git.contoso.net:8443/scm/shop.git", "https://git.contoso.net:8443/scm/shop")]
    public void Canonical_KnownForms_BrowserUrlWithoutGitSuffix(string url, string expected) =>
        Assert.Equal(expected, RepositoryUrl.Canonical(url));

    [Theory]
    [InlineData("git@git.contoso.net:shop/repo.git")]
    [InlineData("ssh://git@ssh.dev.azure.com/v3/contoso/Shop/shop")]
    [InlineData("/srv/git/shop.git")]
    [InlineData(@"C:\repos\shop")]
    public void Canonical_SshOnUnknownHostOrPath_KeptAsIs(string url) =>
        Assert.Equal(url, RepositoryUrl.Canonical(url));

    [Theory]
    [InlineData("git@github.com:org/repo.git", "github")]
    [InlineData("https://gitlab.com/group/project", "gitlab")]
    [InlineData("https://x-token-auth:t@bitbucket.org/team/repo.git", "bitbucket")]
    [InlineData("https://ghe.contoso.com/org/repo", null)]
    [InlineData("/srv/git/shop.git", null)]
    public void ProviderName_Host_KnownProviderOrNull(string url, string? expected) =>
        Assert.Equal(expected, RepositoryUrl.ProviderName(url));
}
