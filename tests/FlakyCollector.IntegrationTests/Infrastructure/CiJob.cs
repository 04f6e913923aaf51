namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>One job of a CI recipe: its steps in order and its variables (Azure Pipelines).</summary>
/// <param name="SavesCacheOnSuccess">The platform saves restored caches when the job succeeds (Azure Pipelines' Cache task).</param>
public sealed record CiJob(string Name, IReadOnlyList<CiStep> Steps, IReadOnlyDictionary<string, string> Variables, bool SavesCacheOnSuccess);
