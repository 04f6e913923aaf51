namespace FlakyCollector.Tests.Metadata;

// A throw-away folder with a hand-written .git layout, deleted on dispose.
internal sealed class TempGitRepository : IDisposable
{
    public const string MainCommit = "3b18e512dba79e4c8300dd08aeb37f8e728b8dad";
    public const string FeatureCommit = "8d777f385d3dfec8815d20f7496026dc6ec3c6a1";

    public TempGitRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "flakytrace-git-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string GitDirectory => Path.Combine(Root, ".git");

    // A plain clone: HEAD on main, main as a loose ref, origin on GitHub.
    public static TempGitRepository Clone()
    {
        var repository = new TempGitRepository();
        repository.Write(".git/HEAD", "ref: refs/heads/main\n");
        repository.Write(".git/refs/heads/main", MainCommit + "\n");
        repository.Write(".git/config", """
            [core]
            	repositoryformatversion = 0
            	filemode = true
            	bare = false
            [remote "origin"]
            	url = https://github.com/contoso/shop.git
            	fetch = +refs/heads/*:refs/remotes/origin/*
            [branch "main"]
            	remote = origin
            	merge = refs/heads/main
            """);
        return repository;
    }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    // Creates a folder under the root, e.g. a test project's bin folder, and returns its full path.
    public string Folder(string relativePath) => Directory.CreateDirectory(Path.Combine(Root, relativePath)).FullName;

    public void Delete(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test.
        }
    }
}
