using System.Diagnostics;

namespace OrdersApi;

/// <summary>The service's own tracing: one ActivitySource, named as operators would configure it.</summary>
public static class OrdersTelemetry
{
    public const string SourceName = "Orders.Api";

    internal static readonly ActivitySource Source = new(SourceName, "1.0.0");
}
