using static FlakyCollector.Metadata.RunAttributeNames;

namespace FlakyCollector.Metadata;

// GitLab CI/CD: https://docs.gitlab.com/ci/variables/predefined_variables/.
internal sealed class GitLabCi : ICiProvider
{
    public string Name => "gitlab_ci";

    public bool IsActive(CiVariables variables) => variables.IsTrue("GITLAB_CI");

    public void Describe(CiVariables variables, RunAttributes attributes)
    {
        attributes.Set(PipelineName, variables.Get("CI_PROJECT_PATH"));
        attributes.Set(PipelineRunId, variables.Get("CI_PIPELINE_ID"));
        attributes.Set(PipelineRunUrl, variables.Get("CI_PIPELINE_URL"));
        attributes.Set(TaskName, variables.Get("CI_JOB_NAME"));
        attributes.Set(TaskRunId, variables.Get("CI_JOB_ID"));
        attributes.Set(TaskRunUrl, variables.Get("CI_JOB_URL"));
        attributes.Set(WorkerName, variables.Get("CI_RUNNER_DESCRIPTION"));

        // CI_PROJECT_URL is the web address; CI_REPOSITORY_URL would carry the job token.
        attributes.Set(RepositoryUrlFull, variables.Get("CI_PROJECT_URL"));
        attributes.Set(HeadRevision, variables.Get("CI_COMMIT_SHA"));

        // Merge request pipelines name the source branch; CI_COMMIT_REF_NAME is the branch or tag otherwise.
        attributes.Set(HeadName, variables.First("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "CI_COMMIT_REF_NAME"));
        attributes.Set(ChangeId, variables.Get("CI_MERGE_REQUEST_IID"));
        attributes.Set(VcsProviderName, "gitlab");
    }
}
