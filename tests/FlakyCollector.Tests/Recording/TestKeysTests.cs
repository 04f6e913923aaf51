using FlakyCollector.Recording;

namespace FlakyCollector.Tests.Recording;

public sealed class TestKeysTests
{
    [Theory]
    [InlineData(TestFramework.XUnit, "Shop.Tests.OrdersTests.Create", "Shop.Tests.OrdersTests.Create(amount: 5)", "Shop.Tests.OrdersTests.Create")]
    [InlineData(TestFramework.NUnit, "Shop.Tests.OrdersTests.Create(5)", "Create(5)", "Shop.Tests.OrdersTests.Create(5)")]
    [InlineData(TestFramework.MSTest, "Shop.Tests.OrdersTests.Create", "Create (5)", "Shop.Tests.OrdersTests.Create (5)")]
    [InlineData(TestFramework.MSTest, "Shop.Tests.OrdersTests.Create", "Create", "Shop.Tests.OrdersTests.Create")]
    public void ForTestCase_EachFramework_TheKeyItsHookWrites(TestFramework framework, string fullyQualifiedName, string displayName, string expected)
    {
        Assert.Equal(expected, TestKeys.ForTestCase(framework, fullyQualifiedName, displayName));
    }
}
