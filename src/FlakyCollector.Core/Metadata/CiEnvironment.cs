namespace FlakyCollector.Metadata;

/// <summary>
/// Recognises the CI system a run is on from its environment variables and reports what they say about the run as
/// OpenTelemetry <c>cicd.*</c> and <c>vcs.*</c> resource attributes, URLs stripped of credentials.
/// </summary>
internal static class CiEnvironment
{
    // The first match wins. Each is recognised by a variable only it sets, so the order matters only when a CI
    // runs inside another (a GitHub runner on a Jenkins node, say): then the inner, more specific one should win.
    private static readonly ICiProvider[] Providers =
    [
        new GitHubActions(),
        new GitLabCi(),
        new AzurePipelines(),
        new CircleCi(),
        new Buildkite(),
        new BitbucketPipelines(),
        new AppVeyor(),
        new TravisCi(),
        new TeamCity(),
        new Jenkins(),
    ];

    /// <param name="environment">Reads one environment variable, e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    /// <returns>The attributes, empty when no known CI system is recognised.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> Detect(Func<string, string?> environment)
    {
        var attributes = new RunAttributes();
        Describe(new CiVariables(environment), attributes);
        return attributes.ToList();
    }

    /// <summary>Adds the recognised CI system's attributes to <paramref name="attributes"/>.</summary>
    internal static void Describe(CiVariables variables, RunAttributes attributes)
    {
        if (Providers.FirstOrDefault(p => p.IsActive(variables)) is { } provider)
        {
            attributes.Set(RunAttributeNames.CiProviderName, provider.Name);
            provider.Describe(variables, attributes);
        }
    }
}
