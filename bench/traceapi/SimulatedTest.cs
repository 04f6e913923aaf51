using System.Diagnostics;
using FlakyCollector.Testing;

namespace FlakyTrace.Bench.TraceApi;

/// <summary>
/// One test as the package's hooks run it: a root activity on the test source when something
/// listens to it, the body, the activity stopped. The body makes one HTTP call or none, and in
/// the "api" mode asserts on its spans through <see cref="TestTrace"/>.
/// </summary>
public sealed class SimulatedTest(HttpClient? client, bool usesApi)
{
    private static readonly ActivitySource Hook = new("FlakyTrace.Test");

    public async Task RunAsync()
    {
        Activity? test = null;
        if (Hook.HasListeners())
        {
            Activity.Current = null;
            test = Hook.StartActivity("Bench.Test");
            test?.SetTag("flakytrace.test.key", "Bench.Test");
        }

        try
        {
            var trace = usesApi ? TestTrace.Current : null;
            if (client is not null)
            {
                using var response = await client.GetAsync("ping");
            }

            if (trace is not null && client is not null && trace.Spans.Count(s => s.Kind == ActivityKind.Client) != 1)
            {
                throw new InvalidOperationException("the test's HTTP call was not seen: " + string.Join("; ", trace.Spans));
            }
        }
        finally
        {
            test?.Stop();
        }
    }
}
