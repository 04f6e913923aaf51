using FlakyCollector.Recording;

namespace FlakyCollector.Tests.Recording.Fixtures;

public sealed class FixtureScopeTests
{
    [Fact]
    public void SuitesServedBy_ClassFixture_TheClassesThatTakeIt()
    {
        Assert.Equal([typeof(UsesWarmedIndex).FullName!], FixtureScope.SuitesServedBy(typeof(WarmedIndex)));
    }

    [Fact]
    public void SuitesServedBy_CollectionFixture_EveryClassOfTheCollection()
    {
        var served = FixtureScope.SuitesServedBy(typeof(SeededCatalog));

        Assert.Contains(typeof(BrowsesCatalog).FullName, served);
        Assert.Contains(typeof(SearchesCatalog).FullName, served);
        Assert.DoesNotContain(typeof(UsesWarmedIndex).FullName, served);
    }

    [Fact]
    public void SuitesServedBy_ClassWithItsOwnSetUp_ItselfAndDerivedClasses()
    {
        var served = FixtureScope.SuitesServedBy(typeof(SetsItselfUp));

        Assert.Equal([typeof(DerivesSetUp).FullName!, typeof(SetsItselfUp).FullName!], served.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SuitesServedBy_TypeNoTestUses_None()
    {
        Assert.Empty(FixtureScope.SuitesServedBy(typeof(Unrelated)));
    }
}
