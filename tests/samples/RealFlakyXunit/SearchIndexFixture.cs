namespace RealFlakyXunit;

/// <summary>Warms the search partner's index once for the class, before its first test.</summary>
public sealed class SearchIndexFixture
{
    public SearchIndexFixture()
    {
        Client = new HttpClient { BaseAddress = PartnerService.Instance.BaseAddress };
        using var warmup = Client.PostAsync("search/warmup", new StringContent("{\"index\":\"products\"}")).GetAwaiter().GetResult();
        warmup.EnsureSuccessStatusCode();
    }

    public HttpClient Client { get; }
}
