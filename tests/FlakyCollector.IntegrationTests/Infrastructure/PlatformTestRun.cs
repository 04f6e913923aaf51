namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>
/// `dotnet test` on a sample that is a Microsoft.Testing.Platform application (its folder's
/// global.json selects the platform): the platform's own TRX report, in a fresh results directory.
/// </summary>
public static class PlatformTestRun
{
    public static SampleRun TestOnPlatform(this SampleProject sample, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var results = Path.Combine(sample.Directory, "TestResults", Guid.NewGuid().ToString("N")[..8]);
        var result = DotnetCommand.Run(sample.Directory, ["test", "--report-trx", "--results-directory", results, .. arguments], environment);
        return new SampleRun(result, results);
    }
}
