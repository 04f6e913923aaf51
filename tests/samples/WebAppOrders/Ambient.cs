namespace WebAppOrders;

/// <summary>
/// An AsyncLocal a test can set before it calls the app in memory. Without FlakyTrace, TestServer
/// does not flow it into the request; with FlakyTrace it must not flow either (<c>GET /context</c>).
/// </summary>
public static class Ambient
{
    public static readonly AsyncLocal<string?> Value = new();
}
