using static FlakyCollector.Metadata.RunAttributeNames;

namespace FlakyCollector.Metadata;

// CircleCI: https://circleci.com/docs/reference/variables/.
internal sealed class CircleCi : ICiProvider
{
    public string Name => "circleci";

    public bool IsActive(CiVariables variables) => variables.IsTrue("CIRCLECI");

    public void Describe(CiVariables variables, RunAttributes attributes)
    {
        var workflowId = variables.Get("CIRCLE_WORKFLOW_ID");

        // A workflow is the run of the pipeline; each of its jobs has a build number and URL of its own.
        attributes.Set(PipelineName, variables.Get("CIRCLE_PROJECT_REPONAME"));
        attributes.Set(PipelineRunId, workflowId);
        attributes.Set(PipelineRunUrl, workflowId is null ? null : $"https://app.circleci.com/pipelines/workflows/{workflowId}");
        attributes.Set(TaskName, variables.Get("CIRCLE_JOB"));
        attributes.Set(TaskRunId, variables.Get("CIRCLE_BUILD_NUM"));
        attributes.Set(TaskRunUrl, variables.Get("CIRCLE_BUILD_URL"));
        attributes.Set(RepositoryUrlFull, variables.Get("CIRCLE_REPOSITORY_URL"));
        attributes.Set(HeadRevision, variables.Get("CIRCLE_SHA1"));
        attributes.Set(HeadName, variables.First("CIRCLE_BRANCH", "CIRCLE_TAG"));

        // CIRCLE_PR_NUMBER is only set for pull requests from forks; CIRCLE_PULL_REQUEST ends in the number.
        attributes.Set(ChangeId, variables.Get("CIRCLE_PR_NUMBER") ?? NumberAtEnd(variables.Get("CIRCLE_PULL_REQUEST")));
    }

    private static string? NumberAtEnd(string? pullRequestUrl)
    {
        if (pullRequestUrl is null)
        {
            return null;
        }

        var last = pullRequestUrl.TrimEnd('/');
        last = last[(last.LastIndexOf('/') + 1)..];
        return GitRefName.IsNumber(last) ? last : null;
    }
}
