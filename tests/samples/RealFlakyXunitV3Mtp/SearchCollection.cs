namespace RealFlakyXunitV3Mtp;

/// <summary>The search tests of two classes share one warmed index.</summary>
[CollectionDefinition("Search")]
public sealed class SearchCollection : ICollectionFixture<SearchIndexFixture>;
