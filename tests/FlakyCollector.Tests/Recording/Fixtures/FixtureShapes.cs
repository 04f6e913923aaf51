#pragma warning disable xUnit1041 // No tests here: these classes only give the fixture lookups something real to read.
using System.Diagnostics;

namespace FlakyCollector.Tests.Recording.Fixtures;

/// <summary>An xUnit class fixture that calls out while it is built, as a warm-up does.</summary>
public sealed class WarmedIndex
{
    public static readonly ActivitySource Source = new("FlakyCollector.Tests.Fixtures");

    public WarmedIndex()
    {
        using var warmup = Source.StartActivity("warm up index");
    }
}

public sealed class SeededCatalog;

[CollectionDefinition("fixture-scope-catalog")]
public sealed class SeededCatalogCollection : ICollectionFixture<SeededCatalog>;

public class UsesWarmedIndex : IClassFixture<WarmedIndex>;

[Collection("fixture-scope-catalog")]
public class BrowsesCatalog;

[Collection("fixture-scope-catalog")]
public class SearchesCatalog;

/// <summary>A class whose own one-time setup serves it and the classes derived from it.</summary>
public class SetsItselfUp
{
    [OneTimeSetUp]
    public static void WarmUp()
    {
    }
}

/// <summary>Stands for NUnit's attribute: the lookup goes by the attribute's name.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneTimeSetUpAttribute : Attribute;

public class DerivesSetUp : SetsItselfUp;

/// <summary>A type with no setup of its own that no test class takes as a fixture: it serves no test.</summary>
public class Unrelated;
