using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace OpenTelemetryUser;

public class Orders
{
    private static readonly ActivitySource Source = new("MyCompany.Orders");

    [Fact]
    public void OwnTracerProvider_SeesItsOwnSpans()
    {
        var ended = new List<Activity>();
        using (var provider = Sdk.CreateTracerProviderBuilder()
            .AddSource("MyCompany.Orders")
            .AddProcessor(new CollectingProcessor(ended))
            .Build())
        {
            using var activity = Source.StartActivity("PlaceOrder");
            activity?.SetTag("order.id", 42);
        }

        var placed = Assert.Single(ended, a => a.DisplayName == "PlaceOrder");
        Assert.Equal(42, placed.GetTagItem("order.id"));
    }
}
