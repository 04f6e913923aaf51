using System.Diagnostics;

namespace WebAppOrders;

/// <summary>The app's own spans: <c>LoadOrder</c> per request, <c>Tick</c> from the background ticker.</summary>
public static class OrdersTelemetry
{
    public const string SourceName = "WebApp.Orders";

    public static readonly ActivitySource Source = new(SourceName);
}
