namespace AttributionXunit;

// Eight test classes of 25 data rows each: 200 tests, run in parallel by class (see AssemblyInfo.cs).
// Each test makes one or two calls to the shared service; see Scenario for which and how.

public class Batch01(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Theory]
    [MemberData(nameof(Scenario.Rows), MemberType = typeof(Scenario))]
    public async Task Calls(int row)
    {
        Assert.True(fixture.Ready);
        await Scenario.RunAsync(Scenario.Id(this, row), row);
    }
}

public class Batch02
{
    [Theory]
    [MemberData(nameof(Scenario.Rows), MemberType = typeof(Scenario))]
    public Task Calls(int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

public class Batch03
{
    [Theory]
    [MemberData(nameof(Scenario.Rows), MemberType = typeof(Scenario))]
    public Task Calls(int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

public class Batch04
{
    [Theory]
    [MemberData(nameof(Scenario.Rows), MemberType = typeof(Scenario))]
    public Task Calls(int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

public class Batch05
{
    [Theory]
    [MemberData(nameof(Scenario.Rows), MemberType = typeof(Scenario))]
    public Task Calls(int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

public class Batch06
{
    [Theory]
    [MemberData(nameof(Scenario.Rows), MemberType = typeof(Scenario))]
    public Task Calls(int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

public class Batch07
{
    [Theory]
    [MemberData(nameof(Scenario.Rows), MemberType = typeof(Scenario))]
    public Task Calls(int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}

public class Batch08
{
    [Theory]
    [MemberData(nameof(Scenario.Rows), MemberType = typeof(Scenario))]
    public Task Calls(int row) => Scenario.RunAsync(Scenario.Id(this, row), row);
}
