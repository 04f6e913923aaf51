namespace WebAppOrders;

/// <summary>
/// Background work that lives as long as the app: a <c>Tick</c> span every 25 ms. It is started by
/// the host, inside whichever test first builds the app, and must not end up in that test's trace.
/// </summary>
public sealed class StockTicker : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(25));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                using var tick = OrdersTelemetry.Source.StartActivity("Tick");
                await Task.Yield();
            }
        }
        catch (OperationCanceledException)
        {
            // The app stops.
        }
    }
}
