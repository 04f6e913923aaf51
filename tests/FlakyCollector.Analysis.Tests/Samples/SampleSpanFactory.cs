namespace FlakyCollector.Analysis.Tests.Samples;

/// <summary>Turns a simulated execution into the spans the collector would record for it.</summary>
internal sealed class SampleSpanFactory(Random random, string runId, long processId)
{
    private const int Internal = 1, Server = 2, Client = 3;

    /// <summary>Adds what real traces are full of: cache lookups, a background audit flush that often outlives its test, now and then a failing metrics push.</summary>
    public bool Noise { get; init; }

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
            new("test.case.attempt", e.Attempt),
            new("flakytrace.testhost.pid", processId),
            new("code.function.name", e.Test.Name.Split('(')[0]),
        };
        var (type, message) = e.Failed ? Failure(e.Test.Behavior) : ("", "");
        if (e.Failed && e.Test.Behavior is SampleBehavior.Race or SampleBehavior.Outage)
        {
            // Messages that differ only in an id, as real ones do.
            message = string.Format(System.Globalization.CultureInfo.InvariantCulture, message, random.Next(1000, 99999));
        }

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
            case SampleBehavior.Race:
                // The confirmation runs in the background: it is not bounded by the test's end.
                spans.Add(new SampleSpan(e.TraceId, Id(), e.SpanId, "SendConfirmation", Internal, e.StartNanos + Ms(2), e.WorkEndNanos, "Shop.Notifications"));
                cursor += Ms(1);
                break;
            case SampleBehavior.Outage:
                spans.AddRange(Http(e, ref cursor, "GET", "warehouse-api", $"/api/bins/{random.Next(1, 900)}", e.Outage ? 503 : 200));
                break;
            case SampleBehavior.RuntimeBound:
                spans.Add(Span(e, ref cursor, "Encoding.RoundTrip", "Shop.Interop", Internal, 2 + (3 * random.NextDouble())));
                break;
            default:
                break;
        }

        if (Noise)
        {
            AddNoise(e, ref cursor, spans);
        }

        return spans;
    }

    private void AddNoise(SimulatedExecution e, ref long cursor, List<SampleSpan> spans)
    {
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            spans.Add(Span(e, ref cursor, "MemoryCache.Get", "Shop.Caching", Internal, 0.2 + (2 * random.NextDouble())));
        }

        if (random.NextDouble() < 0.3)
        {
            var start = Math.Max(e.StartNanos, e.EndNanos - Ms(3));
            spans.Add(new SampleSpan(e.TraceId, Id(), e.SpanId, "AuditLog.Flush", Internal, start, e.EndNanos + Ms(1 + (30 * random.NextDouble())), "Shop.Audit"));
        }

        if (random.NextDouble() < 0.05)
        {
            spans.AddRange(Http(e, ref cursor, "POST", "metrics-api", "/api/push", 500));
        }
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
        // ASP.NET Core names a server span by its route template, not the concrete path.
        var route = string.Join('/', path.Split('/').Select(segment => segment.Length > 0 && segment.All(char.IsAsciiDigit) ? "{id}" : segment));
        var server = new SampleSpan(e.TraceId, Id(), client.SpanId, $"{method} {route}", Server, client.StartNanos + Ms(0.5), client.EndNanos - Ms(0.5), "Microsoft.AspNetCore")
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
        SampleBehavior.Race => ("Xunit.Sdk.TrueException", "Confirmation for order {0} was not sent after 150 ms\nExpected: True\nActual:   False"),
        SampleBehavior.Outage => ("System.InvalidOperationException", "System.InvalidOperationException : bin {0} unavailable: warehouse-api answered 503"),
        SampleBehavior.RuntimeBound => ("Xunit.Sdk.EqualException", "Assert.Equal() Failure: Strings differ\nExpected: \"café\"\nActual:   \"cafÃ©\""),
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
