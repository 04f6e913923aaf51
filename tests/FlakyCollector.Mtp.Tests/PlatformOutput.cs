using System.Collections.Concurrent;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.OutputDevice;

namespace FlakyCollector.Mtp.Tests;

/// <summary>The platform's output device and message bus: what the extension shows, and the artifacts it publishes.</summary>
internal sealed class PlatformOutput : IOutputDevice, IMessageBus
{
    public ConcurrentQueue<(bool Warning, string Text)> Lines { get; } = new();

    public ConcurrentQueue<SessionFileArtifact> Artifacts { get; } = new();

    public Task DisplayAsync(IOutputDeviceDataProducer producer, IOutputDeviceData data, CancellationToken cancellationToken)
    {
        Lines.Enqueue(data switch
        {
            WarningMessageOutputDeviceData warning => (true, warning.Message),
            TextOutputDeviceData text => (false, text.Text),
            _ => (false, data.ToString()!),
        });
        return Task.CompletedTask;
    }

    public Task PublishAsync(IDataProducer dataProducer, IData data)
    {
        if (data is SessionFileArtifact artifact)
        {
            Artifacts.Enqueue(artifact);
        }

        return Task.CompletedTask;
    }
}
