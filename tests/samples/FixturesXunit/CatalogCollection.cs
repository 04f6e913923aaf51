namespace FixturesXunit;

[CollectionDefinition("Catalog")]
public sealed class CatalogCollection : ICollectionFixture<CatalogFixture>;
