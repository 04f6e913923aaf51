using static FlakyCollector.Metadata.RunAttributeNames;

namespace FlakyCollector.Metadata;

// Buildkite: https://buildkite.com/docs/pipelines/configure/environment-variables.
internal sealed class Buildkite : ICiProvider
{
    public string Name => "buildkite";

    public bool IsActive(CiVariables variables) => variables.IsTrue("BUILDKITE");

    public void Describe(CiVariables variables, RunAttributes attributes)
    {
        var buildUrl = variables.Get("BUILDKITE_BUILD_URL");
        var jobId = variables.Get("BUILDKITE_JOB_ID");

        attributes.Set(PipelineName, variables.Get("BUILDKITE_PIPELINE_SLUG"));
        attributes.Set(PipelineRunId, variables.Get("BUILDKITE_BUILD_ID"));
        attributes.Set(PipelineRunUrl, buildUrl);
        attributes.Set(TaskName, variables.Get("BUILDKITE_LABEL"));
        attributes.Set(TaskRunId, jobId);
        attributes.Set(TaskRunUrl, buildUrl is not null && jobId is not null ? $"{buildUrl}#{jobId}" : null);
        attributes.Set(WorkerName, variables.Get("BUILDKITE_AGENT_NAME"));
        attributes.Set(RepositoryUrlFull, variables.Get("BUILDKITE_REPO"));

        // A build started by hand without a commit has BUILDKITE_COMMIT=HEAD: the .git folder knows better.
        var commit = variables.Get("BUILDKITE_COMMIT");
        attributes.Set(HeadRevision, string.Equals(commit, "HEAD", StringComparison.OrdinalIgnoreCase) ? null : commit);
        attributes.Set(HeadName, variables.First("BUILDKITE_BRANCH", "BUILDKITE_TAG"));
        attributes.Set(ChangeId, variables.PullRequestNumber("BUILDKITE_PULL_REQUEST"));
    }
}
