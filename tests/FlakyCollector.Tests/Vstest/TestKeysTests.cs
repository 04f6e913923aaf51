using FlakyCollector.Recording;
using FlakyCollector.Vstest;

namespace FlakyCollector.Tests.Vstest;

public sealed class TestKeysTests
{
    [Theory]
    [InlineData(nameof(TestFramework.XUnit), "Shop.Tests.OrdersTests.Create", "Shop.Tests.OrdersTests.Create(amount: 5)", "Shop.Tests.OrdersTests.Create")]
    [InlineData(nameof(TestFramework.NUnit), "Shop.Tests.OrdersTests.Create(5)", "Create(5)", "Shop.Tests.OrdersTests.Create(5)")]
    [InlineData(nameof(TestFramework.MSTest), "Shop.Tests.OrdersTests.Create", "Create (5)", "Shop.Tests.OrdersTests.Create (5)")]
    [InlineData(nameof(TestFramework.MSTest), "Shop.Tests.OrdersTests.Create", "Create", "Shop.Tests.OrdersTests.Create")]
    public void ForTestCase_EachFramework_TheKeyItsHookWrites(string framework, string fullyQualifiedName, string displayName, string expected)
    {
        Assert.Equal(expected, TestKeys.ForTestCase(Enum.Parse<TestFramework>(framework), fullyQualifiedName, displayName));
    }
}
