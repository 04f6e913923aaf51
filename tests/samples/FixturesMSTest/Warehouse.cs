namespace FixturesMSTest;

/// <summary>The one loopback service of the run, and the calls the fixtures and tests make to it.</summary>
public static class Warehouse
{
    private static readonly Lazy<LoopbackService> Service = new(LoopbackService.Start);
    private static readonly HttpClient Client = new();

    public static async Task CallAsync(string by) => (await Client.GetAsync($"{Service.Value.Url}{by}")).EnsureSuccessStatusCode();
}
