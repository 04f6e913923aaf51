using FlakyCollector.Metadata;

namespace FlakyCollector.Tests.Metadata;

public sealed class GitLabCiTests
{
    private static Dictionary<string, string> BranchPipeline() => new()
    {
        ["CI"] = "true",
        ["GITLAB_CI"] = "true",
        ["CI_PROJECT_PATH"] = "platform/payments",
        ["CI_PROJECT_URL"] = "https://gitlab.com/platform/payments",
        ["CI_REPOSITORY_URL"] = "https://gitlab-ci-token:glcbt-64_SeCrEt@gitlab.com/platform/payments.git",
        ["CI_PIPELINE_ID"] = "1234567890",
        ["CI_PIPELINE_IID"] = "321",
        ["CI_PIPELINE_URL"] = "https://gitlab.com/platform/payments/-/pipelines/1234567890",
        ["CI_JOB_NAME"] = "unit-tests: [net8.0]",
        ["CI_JOB_ID"] = "7654321098",
        ["CI_JOB_URL"] = "https://gitlab.com/platform/payments/-/jobs/7654321098",
        ["CI_COMMIT_SHA"] = "a1b2c3d4e5f60718293a4b5c6d7e8f9011223344",
        ["CI_COMMIT_REF_NAME"] = "release/2.4",
        ["CI_COMMIT_BRANCH"] = "release/2.4",
        ["CI_RUNNER_DESCRIPTION"] = "4-blue.saas-linux-small-amd64.runners-manager.gitlab.com/default",
    };

    [Fact]
    public void Detect_BranchPipeline_ReportsPipelineJobRunnerAndCommit()
    {
        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(BranchPipeline())).AsDictionary();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["flakytrace.cicd.provider.name"] = "gitlab_ci",
                ["cicd.pipeline.name"] = "platform/payments",
                ["cicd.pipeline.run.id"] = "1234567890",
                ["cicd.pipeline.run.url.full"] = "https://gitlab.com/platform/payments/-/pipelines/1234567890",
                ["cicd.pipeline.task.name"] = "unit-tests: [net8.0]",
                ["cicd.pipeline.task.run.id"] = "7654321098",
                ["cicd.pipeline.task.run.url.full"] = "https://gitlab.com/platform/payments/-/jobs/7654321098",
                ["cicd.worker.name"] = "4-blue.saas-linux-small-amd64.runners-manager.gitlab.com/default",
                ["vcs.repository.url.full"] = "https://gitlab.com/platform/payments",
                ["vcs.ref.head.revision"] = "a1b2c3d4e5f60718293a4b5c6d7e8f9011223344",
                ["vcs.ref.head.name"] = "release/2.4",
                ["vcs.provider.name"] = "gitlab",
            },
            attributes);
    }

    [Fact]
    public void Detect_MergeRequestPipeline_UsesSourceBranchAndIid()
    {
        var environment = BranchPipeline();
        environment.Remove("CI_COMMIT_BRANCH");
        environment["CI_COMMIT_REF_NAME"] = "refs/merge-requests/88/head";
        environment["CI_MERGE_REQUEST_IID"] = "88";
        environment["CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"] = "fix/idempotent-refunds";
        environment["CI_MERGE_REQUEST_TARGET_BRANCH_NAME"] = "main";

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("fix/idempotent-refunds", attributes.ValueOf("vcs.ref.head.name"));
        Assert.Equal("88", attributes.ValueOf("vcs.change.id"));
    }

    [Fact]
    public void Detect_SelfHostedWithTokenInProjectUrl_TokenRemoved()
    {
        var environment = BranchPipeline();
        environment["CI_PROJECT_URL"] = "https://oauth2:glpat-AbC123@gitlab.contoso.net:8443/platform/payments";

        var attributes = CiEnvironment.Detect(MetadataLookup.Environment(environment));

        Assert.Equal("https://gitlab.contoso.net:8443/platform/payments", attributes.ValueOf("vcs.repository.url.full"));
        Assert.Equal("gitlab", attributes.ValueOf("vcs.provider.name"));
        attributes.AssertNoValueContains("glpat-AbC123");
        attributes.AssertNoValueContains("glcbt-64_SeCrEt");
    }
}
