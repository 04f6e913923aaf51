using FlakyCollector.Metadata;

namespace FlakyCollector.Tests.Metadata;

public sealed class GitRepositoryTests
{
    [Fact]
    public void Read_LooseRefFromNestedFolder_ReturnsBranchCommitAndOrigin()
    {
        using var repository = TempGitRepository.Clone();
        var start = repository.Folder("tests/Shop.Tests/bin/Debug/net8.0");

        var attributes = GitRepository.Read(start).AsDictionary();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["vcs.ref.head.name"] = "main",
                ["vcs.ref.head.revision"] = TempGitRepository.MainCommit,
                ["vcs.repository.url.full"] = "https://github.com/contoso/shop",
                ["vcs.provider.name"] = "github",
            },
            attributes);
    }

    [Fact]
    public void Read_BranchOnlyInPackedRefs_ResolvedFromPackedRefs()
    {
        using var repository = TempGitRepository.Clone();
        repository.Delete(".git/refs/heads/main");
        repository.Write(".git/HEAD", "ref: refs/heads/feature/retry\n");
        repository.Write(".git/packed-refs", $"""
            # pack-refs with: peeled fully-peeled sorted 
            {TempGitRepository.MainCommit} refs/heads/main
            {TempGitRepository.FeatureCommit} refs/heads/feature/retry
            {TempGitRepository.MainCommit} refs/tags/v1.0
            ^{TempGitRepository.FeatureCommit}
            """);

        var attributes = GitRepository.Read(repository.Root);

        Assert.Equal("feature/retry", attributes.ValueOf("vcs.ref.head.name"));
        Assert.Equal(TempGitRepository.FeatureCommit, attributes.ValueOf("vcs.ref.head.revision"));
    }

    [Fact]
    public void Read_LooseRefAndStalePackedRef_LooseRefWins()
    {
        using var repository = TempGitRepository.Clone();
        repository.Write(".git/packed-refs", $"{TempGitRepository.FeatureCommit} refs/heads/main\n");

        Assert.Equal(TempGitRepository.MainCommit, GitRepository.Read(repository.Root).ValueOf("vcs.ref.head.revision"));
    }

    [Fact]
    public void Read_DetachedHead_CommitWithoutBranch()
    {
        using var repository = TempGitRepository.Clone();
        repository.Write(".git/HEAD", TempGitRepository.FeatureCommit.ToUpperInvariant() + "\n");

        var attributes = GitRepository.Read(repository.Root);

        Assert.Null(attributes.ValueOf("vcs.ref.head.name"));
        Assert.Equal(TempGitRepository.FeatureCommit, attributes.ValueOf("vcs.ref.head.revision"));
    }

    [Fact]
    public void Read_UnbornBranch_BranchWithoutCommit()
    {
        using var repository = TempGitRepository.Clone();
        repository.Delete(".git/refs/heads/main");

        var attributes = GitRepository.Read(repository.Root);

        Assert.Equal("main", attributes.ValueOf("vcs.ref.head.name"));
        Assert.Null(attributes.ValueOf("vcs.ref.head.revision"));
    }

    [Fact]
    public void Read_LinkedWorktreeGitFile_HeadFromWorktreeRefsAndConfigFromCommonFolder()
    {
        using var repository = TempGitRepository.Clone();
        repository.Write(".git/refs/heads/feature/retry", TempGitRepository.FeatureCommit + "\n");
        repository.Write(".git/worktrees/retry/HEAD", "ref: refs/heads/feature/retry\n");
        repository.Write(".git/worktrees/retry/commondir", "../..\n");
        var worktree = repository.Folder("worktrees/retry");
        repository.Write("worktrees/retry/.git", $"gitdir: {Path.Combine(repository.GitDirectory, "worktrees", "retry")}\n");

        var attributes = GitRepository.Read(Path.Combine(worktree, "src")).AsDictionary();

        Assert.Equal("feature/retry", attributes["vcs.ref.head.name"]);
        Assert.Equal(TempGitRepository.FeatureCommit, attributes["vcs.ref.head.revision"]);
        Assert.Equal("https://github.com/contoso/shop", attributes["vcs.repository.url.full"]);
    }

    [Fact]
    public void Read_SubmoduleWithRelativeGitDir_ReadsModuleFolder()
    {
        using var repository = TempGitRepository.Clone();
        repository.Write(".git/modules/vendor/lib/HEAD", TempGitRepository.FeatureCommit + "\n");
        repository.Write(".git/modules/vendor/lib/config", "[remote \"origin\"]\n\turl = git@github.com:contoso/lib.git\n");
        repository.Write("vendor/lib/.git", "gitdir: ../../.git/modules/vendor/lib\n");

        var attributes = GitRepository.Read(Path.Combine(repository.Root, "vendor", "lib"));

        Assert.Equal(TempGitRepository.FeatureCommit, attributes.ValueOf("vcs.ref.head.revision"));
        Assert.Equal("https://github.com/contoso/lib", attributes.ValueOf("vcs.repository.url.full"));
    }

    [Fact]
    public void Read_CredentialsInRemoteUrl_Removed()
    {
        using var repository = TempGitRepository.Clone();
        repository.Write(".git/config", "[remote \"origin\"]\n\turl = https://x-access-token:ghs_leaky123@github.com/contoso/shop.git\n");

        var attributes = GitRepository.Read(repository.Root);

        Assert.Equal("https://github.com/contoso/shop", attributes.ValueOf("vcs.repository.url.full"));
        attributes.AssertNoValueContains("ghs_leaky123");
    }

    [Fact]
    public void Read_NoGitFolderUpToRoot_Empty()
    {
        using var repository = new TempGitRepository();

        // Temp folders are seldom inside a repository; if this one is, the walk finds it, which is correct but not this test.
        if (GitRepository.Read(Path.GetTempPath()).Count == 0)
        {
            Assert.Empty(GitRepository.Read(repository.Folder("a/b")));
        }
    }

    [Theory]
    [InlineData("ref: refs/heads/../../../../etc/passwd")]
    [InlineData("this is not a head")]
    [InlineData("")]
    [InlineData("ref:")]
    public void Read_CorruptHead_NoBranchOrCommitButStillRemote(string head)
    {
        using var repository = TempGitRepository.Clone();
        repository.Write(".git/HEAD", head);

        var attributes = GitRepository.Read(repository.Root);

        Assert.Null(attributes.ValueOf("vcs.ref.head.name"));
        Assert.Null(attributes.ValueOf("vcs.ref.head.revision"));
        Assert.Equal("https://github.com/contoso/shop", attributes.ValueOf("vcs.repository.url.full"));
    }

    [Fact]
    public void Read_MissingHeadAndConfig_Empty()
    {
        using var repository = TempGitRepository.Clone();
        repository.Delete(".git/HEAD");
        repository.Delete(".git/config");

        Assert.Empty(GitRepository.Read(repository.Root));
    }

    [Fact]
    public void Read_CorruptRefFileAndBinaryPackedRefs_NoCommitNoThrow()
    {
        using var repository = TempGitRepository.Clone();
        repository.Write(".git/refs/heads/main", "not-a-sha\n");
        File.WriteAllBytes(Path.Combine(repository.GitDirectory, "packed-refs"), [0xFF, 0xFE, 0x00, 0x20, 0x0A, 0x80]);

        var attributes = GitRepository.Read(repository.Root);

        Assert.Equal("main", attributes.ValueOf("vcs.ref.head.name"));
        Assert.Null(attributes.ValueOf("vcs.ref.head.revision"));
    }

    [Theory]
    [InlineData("gitdir: ../does-not-exist")]
    [InlineData("garbage")]
    [InlineData("")]
    public void Read_GitFilePointingNowhere_Empty(string content)
    {
        using var repository = new TempGitRepository();
        repository.Write(".git", content);

        Assert.Empty(GitRepository.Read(repository.Root));
    }

    [Fact]
    public void Read_StartDirectoryInvalid_EmptyNoThrow()
    {
        Assert.Empty(GitRepository.Read("\0bad"));
    }
}
