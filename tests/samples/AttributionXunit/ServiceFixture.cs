namespace AttributionXunit;

/// <summary>
/// A class fixture that calls the service itself while it is created, before any test of its
/// class runs. That call belongs to no test.
/// </summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    public bool Ready { get; private set; }

    public async Task InitializeAsync()
    {
        await Scenario.CallAsync("fixture", "setup");
        Ready = true;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
