namespace FlakyCollector.Metadata;

/// <summary>
/// Reads the branch, commit and remote URL of the Git working tree around a directory straight from its
/// <c>.git</c> folder: no git process, a handful of small file reads, and never an exception.
/// </summary>
internal static class GitRepository
{
    /// <param name="startDirectory">A directory inside the working tree, e.g. the test assembly's output folder.</param>
    /// <returns>
    /// <c>vcs.ref.head.name</c> (absent when HEAD is detached), <c>vcs.ref.head.revision</c> and
    /// <c>vcs.repository.url.full</c> (of <c>origin</c>, else the first remote; credentials removed), as far as known;
    /// empty outside a Git working tree or when its files cannot be read.
    /// </returns>
    public static IReadOnlyList<KeyValuePair<string, string>> Read(string startDirectory)
    {
        var attributes = new RunAttributes();
        Describe(startDirectory, attributes);
        return attributes.ToList();
    }

    /// <summary>Adds what the <c>.git</c> folder knows and <paramref name="attributes"/> lacks.</summary>
    internal static void Describe(string startDirectory, RunAttributes attributes)
    {
        GitDirectory? directory;
        try
        {
            directory = GitDirectory.Find(startDirectory);
        }
        catch (Exception)
        {
            // A directory that cannot be listed, a malformed path: there is simply no repository to describe.
            return;
        }

        if (directory is null)
        {
            return;
        }

        // HEAD and config are read apart, so that a damaged config still leaves the commit, and the other way round.
        try
        {
            var head = GitHead.Read(directory);
            attributes.SetIfMissing(RunAttributeNames.HeadName, head.Branch);
            attributes.SetIfMissing(RunAttributeNames.HeadRevision, head.Commit);
        }
        catch (Exception)
        {
            // Nothing to add: a half-written packed-refs or a ref file removed while being read.
        }

        try
        {
            var config = GitFiles.ReadSmall(Path.Combine(directory.CommonPath, "config"));
            attributes.SetIfMissing(RunAttributeNames.RepositoryUrlFull, GitConfigFile.RemoteUrl(config));
        }
        catch (Exception)
        {
            // Nothing to add.
        }
    }
}
