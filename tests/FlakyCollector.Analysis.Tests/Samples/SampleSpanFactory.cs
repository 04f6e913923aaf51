namespace FlakyCollector.Analysis.Tests.Samples;

/// <summary>Turns a simulated execution into the spans the collector would record for it.</summary>
internal sealed class SampleSpanFactory(Random random, string runId, long processId)
{
    private const int Internal = 1, Server = 2, Client = 3;

    public SampleSpan TestSpan(SimulatedExecution e)
    {
        var attributes = new List<KeyValuePair<string, object>>
        {
            new("test.case.name", e.Test.Name),
            new("test.case.result.status", e.Failed ? "fail" : "pass"),
            new("test.suite.name", e.Test.Suite),
            new("test.framework", "xunit"),
            new("test.run.id", runId),
            new("test.outcome", e.Failed ? "failed" : "passed"),
            new("test.case.attempt", 1),
            new("flakytrace.testhost.pid", processId),
            new("code.function.name", e.Test.Name.Split('(')[0]),
        };
        var (type, message) = e.Failed ? Failure(e.Test.Behavior) : ("", "");
        if (e.Failed)
        {
            attributes.Add(new("error.type", type));
        }

        return new SampleSpan(e.TraceId, e.SpanId, null, e.Test.DisplayName, Internal, e.StartNanos, e.EndNanos, "FlakyTrace")
        {
            Attributes = attributes,
            StatusCode = e.Failed ? 2 : 0,
            StatusMessage = e.Failed ? message : null,
            Exception = e.Failed ? (type, message, $"   at {e.Test.Name.Split('(')[0]}() in /src/Shop.Tests/{e.Test.Suite.Split('.')[^1]}.cs:line 42") : null,
        };
    }

    /// <summary>Child spans: what the test did (database, HTTP calls and the called service's server spans).</summary>
    public List<SampleSpan> Children(SimulatedExecution e)
    {
        var spans = new List<SampleSpan>();
        var cursor = e.StartNanos + Ms(1);
        switch (e.Test.Behavior)
        {
            case SampleBehavior.SlowQuery:
                spans.Add(Db(e, ref cursor, "SELECT orders", e.Incident ? (e.EndNanos - cursor - Ms(5)) / 1e6 : 30 + (20 * random.NextDouble())));
                spans.AddRange(Http(e, ref cursor, "POST", "payments-api", "/api/payments", 200));
                break;
            case SampleBehavior.Unavailable503:
                if (e.RecoveredIncident)
                {
                    spans.AddRange(Http(e, ref cursor, "GET", "inventory-api", "/api/stock/1001?reserve=true", 503));
                }

                spans.AddRange(Http(e, ref cursor, "GET", "inventory-api", "/api/stock/1001?reserve=true", e.Incident ? 503 : 200));
                break;
            case SampleBehavior.OrderDependent:
                spans.Add(Db(e, ref cursor, "SELECT profiles", 5 + (5 * random.NextDouble())));
                break;
            case SampleBehavior.SharedState:
                spans.Add(Span(e, ref cursor, "PricingEngine.Compute", "Shop.Pricing", Internal, 20 + (10 * random.NextDouble())));
                break;
            case SampleBehavior.Contention:
                spans.Add(Span(e, ref cursor, "IndexBuilder.Rebuild", "Shop.Search", Internal, 100 + (50 * random.NextDouble())));
                spans.AddRange(Http(e, ref cursor, "PUT", "search-api", "/index/products", 200));
                break;
            case SampleBehavior.Stable when e.Test.Name.Contains("NotFound", StringComparison.Ordinal):
                spans.AddRange(Http(e, ref cursor, "GET", "catalog-api", "/api/products/99999", 404));
                break;
            case SampleBehavior.Stable when e.Test.MeanMs >= 80:
                spans.Add(Db(e, ref cursor, "SELECT products", 3 + (4 * random.NextDouble())));
                spans.AddRange(Http(e, ref cursor, "GET", "catalog-api", $"/api/products/{random.Next(1, 500)}", 200));
                break;
            default:
                break;
        }

        return spans;
    }

    private SampleSpan Db(SimulatedExecution e, ref long cursor, string name, double ms) =>
        Span(e, ref cursor, name, "Npgsql", Client, ms) with { Attributes = [new("db.system.name", "postgresql"), new("db.query.text", name + " WHERE id = $1")] };

    private SampleSpan Span(SimulatedExecution e, ref long cursor, string name, string scope, int kind, double ms)
    {
        var start = cursor;
        var end = Math.Min(e.EndNanos - Ms(1), start + Ms(ms));
        cursor = end + Ms(1);
        return new SampleSpan(e.TraceId, Id(), e.SpanId, name, kind, start, Math.Max(start, end), scope);
    }

    private IEnumerable<SampleSpan> Http(SimulatedExecution e, ref long cursor, string method, string host, string pathAndQuery, int status)
    {
        var client = Span(e, ref cursor, method, "System.Net.Http", Client, status == 503 ? 3 + random.NextDouble() : 8 + (6 * random.NextDouble()));
        var error = status >= 400;
        client = client with
        {
            StatusCode = error ? 2 : 0,
            Attributes =
            [
                new("http.request.method", method), new("url.full", $"http://{host}:8080{pathAndQuery}"), new("server.address", host),
                new("server.port", 8080), new("http.response.status_code", status), .. error ? [new KeyValuePair<string, object>("error.type", status.ToString(System.Globalization.CultureInfo.InvariantCulture))] : Array.Empty<KeyValuePair<string, object>>(),
            ],
        };
        var path = pathAndQuery.Split('?')[0];
        var server = new SampleSpan(e.TraceId, Id(), client.SpanId, $"{method} {path}", Server, client.StartNanos + Ms(0.5), client.EndNanos - Ms(0.5), "Microsoft.AspNetCore")
        {
            Attributes = [new("http.request.method", method), new("url.path", path), new("http.response.status_code", status)],
            StatusCode = status >= 500 ? 2 : 0,
        };
        return [client, server];
    }

    private static (string Type, string Message) Failure(SampleBehavior behavior) => behavior switch
    {
        SampleBehavior.SlowQuery => ("System.TimeoutException", "The operation has timed out after 1500 ms."),
        SampleBehavior.Unavailable503 => ("System.Net.Http.HttpRequestException", "Response status code does not indicate success: 503 (Service Unavailable)."),
        SampleBehavior.OrderDependent => ("Xunit.Sdk.NotNullException", "Assert.NotNull() Failure: Value is null"),
        SampleBehavior.SharedState => ("Xunit.Sdk.EqualException", "Assert.Equal() Failure: Values differ\nExpected: 90.00 USD\nActual:   90.00 EUR"),
        SampleBehavior.Contention => ("System.Threading.Tasks.TaskCanceledException", "A task was canceled."),
        _ => ("System.IO.IOException", "The file 'export.csv' is locked."),
    };

    private string Id()
    {
        var bytes = new byte[8];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    private static long Ms(double milliseconds) => (long)(milliseconds * 1_000_000);
}
