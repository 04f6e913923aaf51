using static FlakyCollector.Metadata.RunAttributeNames;

namespace FlakyCollector.Metadata;

// AppVeyor: https://www.appveyor.com/docs/environment-variables/.
internal sealed class AppVeyor : ICiProvider
{
    public string Name => "appveyor";

    public bool IsActive(CiVariables variables) => variables.IsTrue("APPVEYOR");

    public void Describe(CiVariables variables, RunAttributes attributes)
    {
        var project = ProjectUrl(variables);
        var buildId = variables.Get("APPVEYOR_BUILD_ID");
        var jobId = variables.Get("APPVEYOR_JOB_ID");
        var provider = variables.Get("APPVEYOR_REPO_PROVIDER")?.ToLowerInvariant();

        attributes.Set(PipelineName, variables.Get("APPVEYOR_PROJECT_NAME"));
        attributes.Set(PipelineRunId, buildId);
        attributes.Set(PipelineRunUrl, project is null || buildId is null ? null : $"{project}/builds/{buildId}");
        attributes.Set(TaskName, variables.Get("APPVEYOR_JOB_NAME"));
        attributes.Set(TaskRunId, jobId);
        attributes.Set(TaskRunUrl, project is null || jobId is null ? null : $"{project}/build/job/{jobId}");

        // APPVEYOR_REPO_NAME is "owner/name"; only for GitHub is the host certain (the others may be self-hosted).
        if (provider == "github" && variables.Get("APPVEYOR_REPO_NAME") is { } name)
        {
            attributes.Set(RepositoryUrlFull, $"https://github.com/{name}");
        }

        attributes.Set(HeadRevision, variables.Get("APPVEYOR_REPO_COMMIT"));

        // For pull requests APPVEYOR_REPO_BRANCH is the target branch.
        attributes.Set(HeadName, variables.First("APPVEYOR_PULL_REQUEST_HEAD_REPO_BRANCH", "APPVEYOR_REPO_BRANCH"));
        attributes.Set(ChangeId, variables.Get("APPVEYOR_PULL_REQUEST_NUMBER"));
        attributes.Set(VcsProviderName, provider is "github" or "gitlab" or "bitbucket" ? provider : null);
    }

    private static string? ProjectUrl(CiVariables variables)
    {
        var server = (variables.Get("APPVEYOR_URL") ?? "https://ci.appveyor.com").TrimEnd('/');
        var account = variables.Get("APPVEYOR_ACCOUNT_NAME");
        var slug = variables.Get("APPVEYOR_PROJECT_SLUG");
        return account is null || slug is null ? null : $"{server}/project/{account}/{slug}";
    }
}
