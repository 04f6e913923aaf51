using FlakyCollector.Metadata;

namespace FlakyCollector.Tests.Metadata;

public sealed class GitConfigFileTests
{
    [Fact]
    public void RemoteUrl_SeveralRemotes_OriginEvenWhenNotFirst()
    {
        const string Config = """
            [remote "upstream"]
            	url = https://github.com/dotnet/shop.git
            	fetch = +refs/heads/*:refs/remotes/upstream/*
            [remote "origin"]
            	url = git@github.com:me/shop.git
            	fetch = +refs/heads/*:refs/remotes/origin/*
            """;

        Assert.Equal("git@github.com:me/shop.git", GitConfigFile.RemoteUrl(Config));
    }

    [Fact]
    public void RemoteUrl_NoOrigin_FirstRemoteWithUrl()
    {
        const string Config = """
            [remote "empty"]
            	fetch = +refs/heads/*:refs/remotes/empty/*
            [remote "fork"]
            	url = https://gitlab.com/me/shop.git
            [remote "mirror"]
            	url = https://git.contoso.net/shop.git
            """;

        Assert.Equal("https://gitlab.com/me/shop.git", GitConfigFile.RemoteUrl(Config));
    }

    [Fact]
    public void RemoteUrl_UrlKeysOutsideRemoteSections_Ignored()
    {
        const string Config = """
            [submodule "lib"]
            	url = https://github.com/contoso/lib.git
            [url "https://github.com/"]
            	insteadOf = gh:
            [branch "main"]
            	remote = origin
            """;

        Assert.Null(GitConfigFile.RemoteUrl(Config));
    }

    [Fact]
    public void RemoteUrl_QuotedValueCommentsCaseAndCrLf_Parsed()
    {
        const string Config = "; comment\r\n[Remote \"origin\"]\r\n\t# url = https://wrong.example/\r\n\tURL = \"https://github.com/contoso/shop.git\" ; trailing\r\n";

        Assert.Equal("https://github.com/contoso/shop.git", GitConfigFile.RemoteUrl(Config));
    }

    [Fact]
    public void RemoteUrl_LegacyDottedSection_Parsed()
    {
        Assert.Equal("https://github.com/contoso/shop.git", GitConfigFile.RemoteUrl("[remote.origin]\nurl = https://github.com/contoso/shop.git\n"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("[remote \"origin\"\nurl =\n=\n[[[")]
    public void RemoteUrl_MissingOrCorrupt_Null(string? config) =>
        Assert.Null(GitConfigFile.RemoteUrl(config));
}
