using static FlakyCollector.Metadata.RunAttributeNames;

namespace FlakyCollector.Metadata;

// Jenkins: https://www.jenkins.io/doc/book/pipeline/jenkinsfile/#using-environment-variables, the Git plugin's
// GIT_* variables and the multibranch CHANGE_* ones.
internal sealed class Jenkins : ICiProvider
{
    public string Name => "jenkins";

    public bool IsActive(CiVariables variables) => variables.IsSet("JENKINS_URL");

    public void Describe(CiVariables variables, RunAttributes attributes)
    {
        attributes.Set(PipelineName, variables.Get("JOB_NAME"));
        attributes.Set(PipelineRunId, variables.First("BUILD_ID", "BUILD_NUMBER"));
        attributes.Set(PipelineRunUrl, variables.Get("BUILD_URL"));
        attributes.Set(TaskName, variables.Get("STAGE_NAME"));
        attributes.Set(WorkerName, variables.Get("NODE_NAME"));
        attributes.Set(RepositoryUrlFull, variables.First("GIT_URL", "GIT_URL_1"));
        attributes.Set(HeadRevision, variables.Get("GIT_COMMIT"));

        // A multibranch pull request build is on branch "PR-12"; CHANGE_BRANCH names the source branch.
        attributes.Set(HeadName, variables.Get("CHANGE_BRANCH") ?? Branch(variables.Get("GIT_BRANCH")) ?? variables.Get("BRANCH_NAME"));
        attributes.Set(ChangeId, variables.Get("CHANGE_ID"));
    }

    // The Git plugin reports the remote-tracking name, "origin/main".
    private static string? Branch(string? gitBranch) =>
        gitBranch is not null && gitBranch.StartsWith("origin/", StringComparison.Ordinal)
            ? gitBranch["origin/".Length..]
            : GitRefName.Short(gitBranch);
}
