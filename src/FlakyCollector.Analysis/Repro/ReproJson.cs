using System.Text.Json;

namespace FlakyCollector.Analysis.Repro;

/// <summary>
/// The JSON of <c>flakytrace repro --format json</c>: a list of objects with <c>name</c>, <c>cause</c>,
/// <c>verdict</c>, <c>with</c> and <c>without</c> (<c>{"runs": N, "failed": K}</c>), <c>sameFailure</c>,
/// <c>repro</c>, and besides them <c>reason</c>, <c>tracedFailureRate</c>, <c>inSuite</c> (both sides ran the whole suite),
/// <c>aloneWithout</c> (then: the runs without the condition of the tests alone) and <c>cluster</c>.
/// <c>analyze --repro</c> and <c>report --repro</c> read it back.
/// </summary>
public static class ReproJson
{
    public static void Write(IReadOnlyList<ReproResult> results, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var result in results)
        {
            json.WriteStartObject();
            json.WriteString("name", result.Name);
            json.WriteString("cause", result.Cause);
            json.WriteString("verdict", ReproResult.VerdictText(result.Verdict));
            json.WriteString("reason", result.Reason);
            Counts(json, "with", result.With);
            Counts(json, "without", result.Without);
            json.WriteBoolean("sameFailure", result.SameFailure);
            json.WriteString("repro", result.Repro);
            json.WriteNumber("tracedFailureRate", Math.Round(result.TracedFailureRate, 4));
            json.WriteBoolean("inSuite", result.InSuite);
            if (result.Alone is { } alone)
            {
                Counts(json, "aloneWithout", alone);
            }

            json.WriteStartArray("cluster");
            foreach (var member in result.Cluster)
            {
                json.WriteStringValue(member);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Reads repro's output; throws <see cref="InvalidDataException"/> naming what is wrong.</summary>
    public static IReadOnlyList<ReproResult> Read(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("it is not a list of repro results (flakytrace repro --format json)");
            }

            return [.. document.RootElement.EnumerateArray().Select(Result)];
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"it is not flakytrace repro output ({ex.Message})", ex);
        }
    }

    private static ReproResult Result(JsonElement item) => new()
    {
        Name = item.GetProperty("name").GetString() ?? "",
        Cause = item.GetProperty("cause").GetString() ?? "",
        Verdict = item.GetProperty("verdict").GetString() switch
        {
            "confirmed" => ReproVerdict.Confirmed,
            "not confirmed" => ReproVerdict.NotConfirmed,
            _ => ReproVerdict.Inconclusive,
        },
        Reason = item.TryGetProperty("reason", out var reason) ? reason.GetString() ?? "" : "",
        With = Counts(item.GetProperty("with")),
        Without = Counts(item.GetProperty("without")),
        SameFailure = item.TryGetProperty("sameFailure", out var same) && same.GetBoolean(),
        Repro = item.TryGetProperty("repro", out var repro) ? repro.GetString() ?? "" : "",
        TracedFailureRate = item.TryGetProperty("tracedFailureRate", out var rate) ? rate.GetDouble() : 0,
        InSuite = item.TryGetProperty("inSuite", out var inSuite) && inSuite.GetBoolean(),
        Alone = item.TryGetProperty("aloneWithout", out var alone) ? Counts(alone) : null,
        Cluster = item.TryGetProperty("cluster", out var cluster) ? [.. cluster.EnumerateArray().Select(m => m.GetString() ?? "")] : [],
    };

    private static ReproCounts Counts(JsonElement counts) => new(counts.GetProperty("runs").GetInt32(), counts.GetProperty("failed").GetInt32());

    private static void Counts(Utf8JsonWriter json, string name, ReproCounts counts)
    {
        json.WriteStartObject(name);
        json.WriteNumber("runs", counts.Runs);
        json.WriteNumber("failed", counts.Failed);
        json.WriteEndObject();
    }
}
