namespace AttributionMSTest;

/// <summary>Starts the shared service once for the whole assembly, before any test.</summary>
[TestClass]
public static class ServiceSetUp
{
    [AssemblyInitialize]
    public static void StartService(TestContext context) => _ = Scenario.Service;

    [AssemblyCleanup]
    public static void StopService() => Scenario.Service.Dispose();
}
