namespace FlakyCollector.Tests.Recording;

/// <summary>
/// An <c>ActivityRecorder</c> listens process-wide (ActivityListener, first-chance exceptions):
/// its tests run alone, so no other test's activities or exceptions reach them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ActivityRecorderCollection
{
    public const string Name = "ActivityRecorder";
}
