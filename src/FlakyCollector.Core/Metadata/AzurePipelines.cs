using static FlakyCollector.Metadata.RunAttributeNames;

namespace FlakyCollector.Metadata;

// Azure Pipelines: https://learn.microsoft.com/azure/devops/pipelines/build/variables.
internal sealed class AzurePipelines : ICiProvider
{
    public string Name => "azure_pipelines";

    public bool IsActive(CiVariables variables) => variables.IsTrue("TF_BUILD");

    public void Describe(CiVariables variables, RunAttributes attributes)
    {
        var buildId = variables.Get("BUILD_BUILDID");
        var jobId = variables.Get("SYSTEM_JOBID");
        var runUrl = RunUrl(variables, buildId);

        attributes.Set(PipelineName, variables.Get("BUILD_DEFINITIONNAME"));
        attributes.Set(PipelineRunId, buildId);
        attributes.Set(PipelineRunUrl, runUrl);
        attributes.Set(TaskName, variables.Get("SYSTEM_JOBDISPLAYNAME"));
        attributes.Set(TaskRunId, jobId);
        attributes.Set(TaskRunUrl, runUrl is not null && jobId is not null ? $"{runUrl}&view=logs&j={jobId}" : null);
        attributes.Set(WorkerName, variables.Get("AGENT_NAME"));
        attributes.Set(RepositoryUrlFull, variables.Get("BUILD_REPOSITORY_URI"));
        attributes.Set(HeadRevision, variables.Get("BUILD_SOURCEVERSION"));

        // For pull requests BUILD_SOURCEBRANCH is refs/pull/N/merge; the source branch is what people know.
        attributes.Set(HeadName, GitRefName.Short(variables.First("SYSTEM_PULLREQUEST_SOURCEBRANCH", "BUILD_SOURCEBRANCH")));

        // The number for GitHub and Bitbucket repositories, the id for Azure Repos ones.
        attributes.Set(ChangeId, variables.First("SYSTEM_PULLREQUEST_PULLREQUESTNUMBER", "SYSTEM_PULLREQUEST_PULLREQUESTID"));
        attributes.Set(VcsProviderName, VcsProvider(variables.Get("BUILD_REPOSITORY_PROVIDER")));
    }

    private static string? RunUrl(CiVariables variables, string? buildId)
    {
        var collection = variables.Get("SYSTEM_TEAMFOUNDATIONSERVERURI") ?? variables.Get("SYSTEM_COLLECTIONURI");
        var project = variables.First("SYSTEM_TEAMPROJECTID", "SYSTEM_TEAMPROJECT");
        return collection is null || project is null || buildId is null
            ? null
            : $"{collection.TrimEnd('/')}/{Uri.EscapeDataString(project)}/_build/results?buildId={buildId}";
    }

    // Azure Repos ("TfsGit") has no value in the semantic conventions: its provider is left unset.
    private static string? VcsProvider(string? repositoryProvider) => repositoryProvider?.ToLowerInvariant() switch
    {
        "github" or "githubenterprise" => "github",
        "bitbucket" => "bitbucket",
        "gitlab" => "gitlab",
        _ => null,
    };
}
