[assembly: Parallelize(Workers = 2, Scope = ExecutionScope.ClassLevel)]

namespace FixturesMSTest;

[TestClass]
public class StockTests
{
    // Warms the service up once, before the class's first test.
    [ClassInitialize]
    public static Task WarmUp(TestContext context) => Warehouse.CallAsync("class-initialize");

    [TestMethod]
    public Task Counts() => Warehouse.CallAsync("test");

    [TestMethod]
    public void Reserves() => Assert.IsTrue(true);
}

[TestClass]
public class PlainTests
{
    [TestMethod]
    public Task Calls() => Warehouse.CallAsync("test");
}
