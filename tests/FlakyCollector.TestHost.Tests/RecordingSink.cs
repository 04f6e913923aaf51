using System.Collections.Concurrent;
using FlakyCollector.Payload;
using FlakyCollector.Recording;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;

namespace FlakyCollector.TestHost.Tests;

/// <summary>Keeps what the session attaches to test results, as vstest would carry it to the logger.</summary>
internal sealed class RecordingSink : IDataCollectionSink
{
    private readonly ConcurrentQueue<(string Key, string Value)> sent = new();

    public IReadOnlyList<RecordedExecution> Executions =>
        [.. sent.Where(s => s.Key == ExecutionPayloadJson.PropertyKey).Select(s => ExecutionPayloadJson.Read(s.Value))];

    public void SendData(DataCollectionContext dataCollectionContext, string key, string value) => sent.Enqueue((key, value));
}
