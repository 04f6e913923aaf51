namespace AttributionNUnit;

// Eight test classes of 25 data rows each: 200 tests; fixtures and test cases run in parallel.
// Each test makes one or two calls to the shared service; see Scenario for which and how.

[Parallelizable(ParallelScope.All)]
public class Batch01
{
    // Runs once, before the tests of this class, and calls the service itself: a call of no test.
    [OneTimeSetUp]
    public Task CallServiceOnce() => Scenario.CallAsync("fixture", "setup");

    [Test]
    public Task Calls([Range(0, Scenario.RowsPerClass - 1)] int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

[Parallelizable(ParallelScope.All)]
public class Batch02
{
    [Test]
    public Task Calls([Range(0, Scenario.RowsPerClass - 1)] int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

[Parallelizable(ParallelScope.All)]
public class Batch03
{
    [Test]
    public Task Calls([Range(0, Scenario.RowsPerClass - 1)] int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

[Parallelizable(ParallelScope.All)]
public class Batch04
{
    [Test]
    public Task Calls([Range(0, Scenario.RowsPerClass - 1)] int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

[Parallelizable(ParallelScope.All)]
public class Batch05
{
    [Test]
    public Task Calls([Range(0, Scenario.RowsPerClass - 1)] int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

[Parallelizable(ParallelScope.All)]
public class Batch06
{
    [Test]
    public Task Calls([Range(0, Scenario.RowsPerClass - 1)] int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

[Parallelizable(ParallelScope.All)]
public class Batch07
{
    [Test]
    public Task Calls([Range(0, Scenario.RowsPerClass - 1)] int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

[Parallelizable(ParallelScope.All)]
public class Batch08
{
    [Test]
    public Task Calls([Range(0, Scenario.RowsPerClass - 1)] int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}
