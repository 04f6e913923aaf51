using System.Collections.Concurrent;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;

namespace FlakyCollector.Logger.Tests;

/// <summary>Keeps the files the collector hands vstest, and the lines it logs.</summary>
internal sealed class CollectorSink : DataCollectionSink
{
    public ConcurrentQueue<FileTransferInformation> Files { get; } = new();

    public override event System.ComponentModel.AsyncCompletedEventHandler? SendFileCompleted;

    public override void SendFileAsync(FileTransferInformation fileTransferInformation)
    {
        Files.Enqueue(fileTransferInformation);
        SendFileCompleted?.Invoke(this, new System.ComponentModel.AsyncCompletedEventArgs(null, false, null));
    }
}
