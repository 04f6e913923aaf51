namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>All integration tests share one packed feed and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "integration";
}
