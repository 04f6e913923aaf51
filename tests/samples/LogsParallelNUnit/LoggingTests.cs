using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LogsParallelNUnit;

/// <summary>
/// 200 cases, all running at once. Each writes lines that name it (<c>case-042</c>): two through the
/// app host's <c>ILogger</c>, one to <c>TestContext.Out</c>, one to <c>Console</c>, and it asks the app
/// in memory for the price of its own SKU, which the app logs twice ("Price requested for case-042",
/// "No price for case-042"). Every line must come back once, in the trace of the case it names.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class LoggingTests
{
    public const int Cases = 200;

    private static readonly StartingLine Start = new(Cases);
    private WebApplicationFactory<Program> factory = null!;
    private HttpClient client = null!;
    private ILogger logger = null!;

    [OneTimeSetUp]
    public void StartApp()
    {
        factory = new WebApplicationFactory<Program>();
        client = factory.CreateClient(); // starts the app here, outside any test
        logger = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LogsParallelNUnit.Cases");
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        client.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task Logs_Its_Own_Lines([Range(0, Cases - 1)] int n)
    {
        var name = $"case-{n:000}";
        await Start.ArriveAsync(TimeSpan.FromSeconds(60));

        logger.LogInformation("{Case} asks for its price", name);
        using var response = await client.GetAsync($"/prices/{name}");
        logger.LogInformation("{Case} was answered {Status}", name, (int)response.StatusCode);
        TestContext.Out.WriteLine($"{name} wrote to its output");
        Console.WriteLine($"{name} wrote to the console");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
