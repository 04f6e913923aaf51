using static FlakyCollector.Metadata.RunAttributeNames;

namespace FlakyCollector.Metadata;

// GitHub Actions: https://docs.github.com/actions/reference/variables-reference.
internal sealed class GitHubActions : ICiProvider
{
    public string Name => "github_actions";

    public bool IsActive(CiVariables variables) => variables.IsTrue("GITHUB_ACTIONS");

    public void Describe(CiVariables variables, RunAttributes attributes)
    {
        var server = (variables.Get("GITHUB_SERVER_URL") ?? "https://github.com").TrimEnd('/');
        var repository = variables.Get("GITHUB_REPOSITORY") is { } slug ? $"{server}/{slug}" : null;
        var runId = variables.Get("GITHUB_RUN_ID");
        var reference = variables.Get("GITHUB_REF");

        attributes.Set(PipelineName, variables.Get("GITHUB_WORKFLOW"));
        attributes.Set(PipelineRunId, runId);
        if (repository is not null && runId is not null)
        {
            // A re-run keeps the run id; the attempt in the URL points at the logs of this very attempt.
            var attempt = variables.Get("GITHUB_RUN_ATTEMPT");
            attributes.Set(PipelineRunUrl, $"{repository}/actions/runs/{runId}" + (attempt is null ? string.Empty : $"/attempts/{attempt}"));
        }

        attributes.Set(TaskName, variables.Get("GITHUB_JOB"));
        attributes.Set(WorkerName, variables.Get("RUNNER_NAME"));
        attributes.Set(RepositoryUrlFull, repository);
        attributes.Set(HeadRevision, variables.Get("GITHUB_SHA"));

        // GITHUB_HEAD_REF is only set for pull requests, whose GITHUB_REF_NAME is "123/merge".
        attributes.Set(HeadName, variables.Get("GITHUB_HEAD_REF") ?? (GitRefName.PullRequestNumber(reference) is null ? variables.Get("GITHUB_REF_NAME") : null));
        attributes.Set(ChangeId, GitRefName.PullRequestNumber(reference));
        attributes.Set(VcsProviderName, "github");
    }
}
