using FlakyCollector.Metadata;

namespace FlakyCollector.Tests.Metadata;

public sealed class UrlCredentialsTests
{
    [Theory]
    [InlineData("https://user:p4ssw0rd@github.com/org/repo.git", "https://github.com/org/repo.git")]
    [InlineData("https://ghp_abcdef123456@github.com/org/repo.git", "https://github.com/org/repo.git")]
    [InlineData("https://gitlab-ci-token:glcbt-64_xyz@gitlab.com/group/project.git", "https://gitlab.com/group/project.git")]
    [InlineData("http://build:secret@git.contoso.net:8080/scm/shop.git", "http://git.contoso.net:8080/scm/shop.git")]
    [InlineData("HTTPS://Token@Example.com/repo", "HTTPS://Example.com/repo")]
    [InlineData("https://contoso@dev.azure.com/contoso/Shop/_git/shop", "https://dev.azure.com/contoso/Shop/_git/shop")]
    public void Strip_HttpUserInformation_Removed(string url, string expected) =>
        Assert.Equal(expected, UrlCredentials.Strip(url));

    [Fact]
    public void Strip_UnencodedAtInPassword_RemovesUpToLastAtOfAuthority()
    {
        Assert.Equal("https://github.com/org/repo", UrlCredentials.Strip("https://me:p@ss@github.com/org/repo"));
    }

    [Fact]
    public void Strip_CredentialsWithoutPath_Removed()
    {
        Assert.Equal("https://host.example", UrlCredentials.Strip("https://user:pw@host.example"));
    }

    [Theory]
    [InlineData("git@github.com:org/repo.git")]
    [InlineData("ssh://git@github.com/org/repo.git")]
    [InlineData("ssh://git@git.contoso.net:7999/shop/repo.git")]
    public void Strip_SshUserName_Kept(string url) =>
        Assert.Equal(url, UrlCredentials.Strip(url));

    [Fact]
    public void Strip_SshPassword_RemovedButUserKept()
    {
        Assert.Equal("ssh://deploy@git.contoso.net/shop.git", UrlCredentials.Strip("ssh://deploy:hunter2@git.contoso.net/shop.git"));
    }

    [Theory]
    [InlineData("https://github.com/org/repo")]
    [InlineData("https://github.com/org/repo/blob/main/a@b.txt")]
    [InlineData("https://host.example/path?email=dev@contoso.com")]
    [InlineData("/home/dev/src/repo")]
    [InlineData(@"C:\src\repo")]
    [InlineData("")]
    public void Strip_NoUserInformation_Unchanged(string url) =>
        Assert.Equal(url, UrlCredentials.Strip(url));
}
