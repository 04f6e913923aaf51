namespace AttributionMSTest;

// Eight test classes of 25 data rows each: 200 tests, every one of them free to run in parallel.
// Each test makes one or two calls to the shared service; see Scenario for which and how.

[TestClass]
public class Batch01
{
    // Runs once, before the tests of this class, and calls the service itself: a call of no test.
    [ClassInitialize]
    public static Task CallServiceOnce(TestContext context) => Scenario.CallAsync("fixture", "setup");

    [TestMethod]
    [DynamicData(nameof(Scenario.Rows), typeof(Scenario))]
    public Task Calls(int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

[TestClass]
public class Batch02
{
    [TestMethod]
    [DynamicData(nameof(Scenario.Rows), typeof(Scenario))]
    public Task Calls(int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

[TestClass]
public class Batch03
{
    [TestMethod]
    [DynamicData(nameof(Scenario.Rows), typeof(Scenario))]
    public Task Calls(int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

[TestClass]
public class Batch04
{
    [TestMethod]
    [DynamicData(nameof(Scenario.Rows), typeof(Scenario))]
    public Task Calls(int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

[TestClass]
public class Batch05
{
    [TestMethod]
    [DynamicData(nameof(Scenario.Rows), typeof(Scenario))]
    public Task Calls(int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

[TestClass]
public class Batch06
{
    [TestMethod]
    [DynamicData(nameof(Scenario.Rows), typeof(Scenario))]
    public Task Calls(int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

[TestClass]
public class Batch07
{
    [TestMethod]
    [DynamicData(nameof(Scenario.Rows), typeof(Scenario))]
    public Task Calls(int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

[TestClass]
public class Batch08
{
    [TestMethod]
    [DynamicData(nameof(Scenario.Rows), typeof(Scenario))]
    public Task Calls(int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}
