namespace FlakyCollector.Metadata;

/// <summary>
/// The CI and version control facts of a test run, as OpenTelemetry <c>cicd.*</c> and <c>vcs.*</c> resource
/// attributes: first from the CI system's environment variables, then what they leave out (a commit, a branch,
/// a repository URL) from the <c>.git</c> folder.
/// </summary>
internal static class RunMetadata
{
    /// <param name="environment">Reads one environment variable, e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    /// <param name="startDirectory">A directory inside the working tree, or null not to read a <c>.git</c> folder.</param>
    /// <returns>The attributes, every URL stripped of credentials; never throws.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> Detect(Func<string, string?> environment, string? startDirectory)
    {
        var attributes = new RunAttributes();
        try
        {
            CiEnvironment.Describe(new CiVariables(environment), attributes);
        }
        catch (Exception)
        {
            // A broken environment reader must not cost the run its traces: keep what was read before it threw.
        }

        // CI checkouts are detached, so the .git folder seldom names the branch; it does know the commit and remote.
        if (startDirectory is not null && !HasAll(attributes))
        {
            GitRepository.Describe(startDirectory, attributes);
        }

        return attributes.ToList();
    }

    private static bool HasAll(RunAttributes attributes) =>
        attributes.Has(RunAttributeNames.HeadRevision)
        && attributes.Has(RunAttributeNames.HeadName)
        && attributes.Has(RunAttributeNames.RepositoryUrlFull);
}
