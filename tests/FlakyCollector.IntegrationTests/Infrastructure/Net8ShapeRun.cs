namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>
/// One run of the net8.0 shape on a .NET 8 test host, shared by the tests that inspect it and
/// deleted after them. The SDK builds as usual; the test host runs from the private .NET root.
/// </summary>
public sealed class Net8ShapeRun : IDisposable
{
    private readonly object gate = new();
    private ShapeProject? shape;
    private SampleRun? run;

    /// <param name="traced">Runs the shape untraced, then traced, and checks them (once).</param>
    public SampleRun Get(PackageFeed feed, Func<ShapeProject, string[], SampleRun> traced)
    {
        lock (gate)
        {
            if (run is null)
            {
                shape?.Dispose();
                shape = ShapeProject.Create("Net8Xunit", feed);
                shape.SetEnvironment("DOTNET_ROOT", Net8Runtime.Root);
                run = traced(shape, ["--", $"RunConfiguration.DotNetHostPath={Net8Runtime.Host}"]);
            }

            return run;
        }
    }

    public void Dispose() => shape?.Dispose();
}
