using System.Collections.Concurrent;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;

namespace FlakyCollector.Logger.Tests;

/// <summary>What the collector logs through vstest, warnings apart from errors.</summary>
internal sealed class CollectorLog : DataCollectionLogger
{
    public ConcurrentQueue<string> Warnings { get; } = new();

    public ConcurrentQueue<string> Errors { get; } = new();

    public override void LogError(DataCollectionContext context, string text) => Errors.Enqueue(text);

    public override void LogError(DataCollectionContext context, string text, Exception exception) => Errors.Enqueue(text);

    public override void LogWarning(DataCollectionContext context, string text) => Warnings.Enqueue(text);
}
