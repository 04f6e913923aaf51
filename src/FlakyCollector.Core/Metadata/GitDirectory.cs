namespace FlakyCollector.Metadata;

// Where a working tree's Git data lives. Path holds HEAD; CommonPath
// holds refs, packed-refs and config. They differ for linked worktrees (git worktree add).
internal sealed record GitDirectory(string Path, string CommonPath)
{
    private const string GitDirPrefix = "gitdir:";

    // The nearest .git directory or file at or above startDirectory; null when there is none, or when a .git
    // file points nowhere (git itself then refuses to work there).
    public static GitDirectory? Find(string startDirectory)
    {
        for (var directory = new DirectoryInfo(System.IO.Path.GetFullPath(startDirectory)); directory is not null; directory = directory.Parent)
        {
            var dotGit = System.IO.Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(dotGit))
            {
                return At(dotGit);
            }

            // Worktrees and submodules have a .git file: "gitdir: <path>", the path relative to the file's folder.
            if (File.Exists(dotGit))
            {
                var target = GitDirTarget(GitFiles.ReadSmall(dotGit));
                return target is null ? null : At(System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, target)));
            }
        }

        return null;
    }

    private static GitDirectory? At(string gitDirectory)
    {
        if (!Directory.Exists(gitDirectory))
        {
            return null;
        }

        // A linked worktree's folder names the shared repository in "commondir", usually as "../..".
        var common = GitFiles.FirstLine(GitFiles.ReadSmall(System.IO.Path.Combine(gitDirectory, "commondir")));
        var commonPath = common is null ? gitDirectory : System.IO.Path.GetFullPath(System.IO.Path.Combine(gitDirectory, common));
        return new GitDirectory(gitDirectory, Directory.Exists(commonPath) ? commonPath : gitDirectory);
    }

    private static string? GitDirTarget(string? dotGitFile)
    {
        foreach (var line in (dotGitFile ?? string.Empty).Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith(GitDirPrefix, StringComparison.Ordinal) && trimmed.Length > GitDirPrefix.Length)
            {
                return trimmed[GitDirPrefix.Length..].Trim();
            }
        }

        return null;
    }
}
