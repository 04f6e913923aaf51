namespace FlakyCollector.Metadata;

// Resource attribute names of the OpenTelemetry cicd.* and vcs.* semantic conventions, plus the
// one name they lack (which CI system ran the tests), under this project's own flakytrace. prefix.
internal static class RunAttributeNames
{
    public const string PipelineName = "cicd.pipeline.name";
    public const string PipelineRunId = "cicd.pipeline.run.id";
    public const string PipelineRunUrl = "cicd.pipeline.run.url.full";
    public const string TaskName = "cicd.pipeline.task.name";
    public const string TaskRunId = "cicd.pipeline.task.run.id";
    public const string TaskRunUrl = "cicd.pipeline.task.run.url.full";
    public const string WorkerName = "cicd.worker.name";

    public const string RepositoryUrlFull = "vcs.repository.url.full";
    public const string HeadName = "vcs.ref.head.name";
    public const string HeadRevision = "vcs.ref.head.revision";
    public const string ChangeId = "vcs.change.id";
    public const string VcsProviderName = "vcs.provider.name";

    // Semantic conventions have no attribute for the CI product itself.
    public const string CiProviderName = "flakytrace.cicd.provider.name";

    // The suffix of every URL attribute, all of which are stripped of credentials.
    public const string UrlSuffix = ".url.full";
}
