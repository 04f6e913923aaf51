namespace AttributionNUnit;

/// <summary>Starts the shared service once for the whole assembly, before any fixture.</summary>
[SetUpFixture]
public sealed class ServiceSetUp
{
    [OneTimeSetUp]
    public void StartService() => _ = Scenario.Service;

    [OneTimeTearDown]
    public void StopService() => Scenario.Service.Dispose();
}
