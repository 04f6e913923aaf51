using static FlakyCollector.Metadata.RunAttributeNames;

namespace FlakyCollector.Metadata;

// Bitbucket Pipelines: https://support.atlassian.com/bitbucket-cloud/docs/variables-and-secrets/.
internal sealed class BitbucketPipelines : ICiProvider
{
    public string Name => "bitbucket_pipelines";

    public bool IsActive(CiVariables variables) => variables.IsSet("BITBUCKET_BUILD_NUMBER");

    public void Describe(CiVariables variables, RunAttributes attributes)
    {
        var repository = variables.Get("BITBUCKET_REPO_FULL_NAME");
        var buildNumber = variables.Get("BITBUCKET_BUILD_NUMBER");

        attributes.Set(PipelineName, repository);

        // The UUIDs are unique across Bitbucket; the build number only within the repository. Bitbucket wraps them in braces.
        attributes.Set(PipelineRunId, variables.Get("BITBUCKET_PIPELINE_UUID")?.Trim('{', '}'));
        attributes.Set(PipelineRunUrl, repository is null ? null : $"https://bitbucket.org/{repository}/pipelines/results/{buildNumber}");
        attributes.Set(TaskRunId, variables.Get("BITBUCKET_STEP_UUID")?.Trim('{', '}'));
        attributes.Set(RepositoryUrlFull, variables.First("BITBUCKET_GIT_HTTP_ORIGIN", "BITBUCKET_GIT_SSH_ORIGIN"));
        attributes.Set(HeadRevision, variables.Get("BITBUCKET_COMMIT"));
        attributes.Set(HeadName, variables.First("BITBUCKET_BRANCH", "BITBUCKET_TAG"));
        attributes.Set(ChangeId, variables.Get("BITBUCKET_PR_ID"));
        attributes.Set(VcsProviderName, "bitbucket");
    }
}
