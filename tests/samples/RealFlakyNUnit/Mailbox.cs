using System.Collections.Concurrent;
using System.Net;

namespace RealFlakyNUnit;

/// <summary>The mail partner's outbox: a message counts as sent once the slow SMTP hop is done.</summary>
internal sealed class Mailbox
{
    private readonly ConcurrentDictionary<string, bool> sent = new();

    public async Task<(int, string)> DeliverAsync(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream);
        var orderId = await reader.ReadToEndAsync();
        // The SMTP hop: usually quick, sometimes it queues behind other mail.
        var queued = Random.Shared.NextDouble() < 0.15;
        await Task.Delay(queued ? 450 + Random.Shared.Next(300) : 30 + Random.Shared.Next(90));
        sent[orderId] = true;
        return (202, "{}");
    }

    public (int, string) Read(string orderId) =>
        (200, sent.ContainsKey(orderId) ? "{\"sent\":true}" : "{\"sent\":false}");
}
