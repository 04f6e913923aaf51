using static FlakyCollector.Metadata.RunAttributeNames;

namespace FlakyCollector.Metadata;

// Travis CI: https://docs.travis-ci.com/user/environment-variables/. It names no repository URL (its repositories
// may live on GitHub, GitLab or Bitbucket): that comes from the .git folder.
internal sealed class TravisCi : ICiProvider
{
    public string Name => "travis_ci";

    public bool IsActive(CiVariables variables) => variables.IsTrue("TRAVIS");

    public void Describe(CiVariables variables, RunAttributes attributes)
    {
        attributes.Set(PipelineName, variables.Get("TRAVIS_REPO_SLUG"));
        attributes.Set(PipelineRunId, variables.Get("TRAVIS_BUILD_ID"));
        attributes.Set(PipelineRunUrl, variables.Get("TRAVIS_BUILD_WEB_URL"));
        attributes.Set(TaskName, variables.Get("TRAVIS_JOB_NAME"));
        attributes.Set(TaskRunId, variables.Get("TRAVIS_JOB_ID"));
        attributes.Set(TaskRunUrl, variables.Get("TRAVIS_JOB_WEB_URL"));
        attributes.Set(HeadRevision, variables.Get("TRAVIS_COMMIT"));

        // For pull requests TRAVIS_BRANCH is the target branch.
        attributes.Set(HeadName, variables.First("TRAVIS_PULL_REQUEST_BRANCH", "TRAVIS_BRANCH"));
        attributes.Set(ChangeId, variables.PullRequestNumber("TRAVIS_PULL_REQUEST"));
    }
}
