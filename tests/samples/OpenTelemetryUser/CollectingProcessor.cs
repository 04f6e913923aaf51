using System.Diagnostics;
using OpenTelemetry;

namespace OpenTelemetryUser;

/// <summary>Keeps the spans the test's own tracer provider ends (the in-memory exporter package is not used).</summary>
public sealed class CollectingProcessor(List<Activity> ended) : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        lock (ended)
        {
            ended.Add(data);
        }
    }
}
