namespace RealFlakyMSTest;

/// <summary>
/// The recommendation service's replicas as service discovery lists them. One entry is stale: its
/// replica went away and nothing listens on its port, so a call routed there is refused.
/// </summary>
public static class RecommendationReplicas
{
    private static readonly Lazy<Uri[]> Replicas = new(() =>
    [
        PartnerService.Instance.BaseAddress,
        PartnerService.Instance.BaseAddress,
        PartnerService.Instance.BaseAddress,
        PartnerService.Instance.BaseAddress,
        new Uri($"http://127.0.0.1:{PartnerService.FreePort()}/"),
    ]);

    /// <summary>The replica the client-side balancer picks for the next call.</summary>
    public static Uri Pick() => Replicas.Value[Random.Shared.Next(Replicas.Value.Length)];
}
