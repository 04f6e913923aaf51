using System.Text.Json;
using FlakyCollector.Analysis.Flakiness;

namespace FlakyCollector.Analysis.History;

/// <summary>Reads a history file written by <see cref="HistoryFileWriter"/>.</summary>
public static class HistoryFileReader
{
    /// <summary>Whether a file starts as a history does: lets <c>analyze</c> tell a history from a trace file by its first line.</summary>
    public static bool IsHistory(string path)
    {
        // Only the first bytes: a trace file's first line can be megabytes long.
        Span<byte> start = stackalloc byte[Header.Length];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) == start.Length && start.SequenceEqual(Header);
    }

    private static ReadOnlySpan<byte> Header => "{\"flakytraceHistory\":"u8;

    /// <exception cref="InvalidDataException">The file is not a history, or a line of it is damaged (the message names the line).</exception>
    public static TestHistory Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine();
        if (header is null || !header.StartsWith("{\"flakytraceHistory\":", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path} is not a flakytrace history (its first line is not a history header).");
        }

        TestHistory history;
        using (var document = JsonDocument.Parse(header))
        {
            var root = document.RootElement;
            var version = root.GetProperty("flakytraceHistory").GetInt32();
            if (version != HistoryFileWriter.FormatVersion)
            {
                throw new InvalidDataException($"{path} is a history of format {version}; this flakytrace reads format {HistoryFileWriter.FormatVersion}.");
            }

            history = new TestHistory(new HistoryPolicy
            {
                DetailedDays = root.GetProperty("detailedDays").GetInt32(),
                MaxDetailedRuns = root.GetProperty("maxDetailedRuns").GetInt32(),
            });
        }

        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                ReadLine(history, document.RootElement);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                throw new InvalidDataException($"{path}, line {number}: not a history line ({ex.Message}).", ex);
            }
        }

        history.Reconcile();
        return history;
    }

    private static void ReadLine(TestHistory history, JsonElement line)
    {
        if (line.TryGetProperty("run", out var run))
        {
            history.AddRun(ReadRun(run.GetString()!, line, history.TestCount));
        }
        else if (line.TryGetProperty("test", out var name))
        {
            ReadTest(history, name.GetString()!, line);
        }
        else if (line.TryGetProperty("period", out var period))
        {
            history.AddPeriod(ReadPeriod(period.GetString()!, line, history.TestCount));
        }
        else
        {
            throw new InvalidOperationException("neither a test, a period nor a run");
        }
    }

    private static void ReadTest(TestHistory history, string name, JsonElement line)
    {
        var identity = new TestIdentity(Optional(line, "service"), Optional(line, "runtime"), name);
        var test = history.Tests[history.IndexOf(identity)];
        if (!line.TryGetProperty("groups", out var groups))
        {
            return;
        }

        foreach (var group in groups.EnumerateArray())
        {
            test.Take(new FailureGroup(group.GetProperty("shape").GetString()!, group.GetProperty("example").GetString()!, group.GetProperty("first").GetInt64(), group.GetProperty("last").GetInt64()));
        }

        if (line.TryGetProperty("verdict", out var verdict))
        {
            test.Verdict = VerdictJson.Read(verdict);
        }

        foreach (var list in new[] { "failing", "passing" })
        {
            foreach (var execution in line.GetProperty(list).EnumerateArray())
            {
                test.Keep(ExecutionJson.Read(execution, test));
            }
        }
    }

    private static CompactedPeriod ReadPeriod(string key, JsonElement line, int tests)
    {
        var period = new CompactedPeriod(key);
        period.RunIds.UnionWith(line.GetProperty("runs").EnumerateArray().Select(r => r.GetString()!));
        foreach (var entry in line.GetProperty("tests").EnumerateArray())
        {
            var test = Index(entry[0].GetInt32(), tests);
            var counts = period.For(test);
            counts.Passed = entry[1].GetInt32();
            counts.Skipped = entry[2].GetInt32();
            counts.DurationCount = entry[3].GetInt32();
            counts.DurationSumMs = entry[4].GetInt64();
            counts.DurationMinMs = counts.DurationCount == 0 ? int.MaxValue : entry[5].GetInt32();
            counts.DurationMaxMs = entry[6].GetInt32();
            foreach (var failed in entry[7].EnumerateArray())
            {
                counts.FailedByGroup[failed[0].GetInt32()] = failed[1].GetInt32();
            }

            counts.FlakyGroups.UnionWith(entry[8].EnumerateArray().Select(g => g.GetInt32()));
        }

        return period;
    }

    private static HistoryRun ReadRun(string id, JsonElement line, int tests)
    {
        var ran = TestRanges.Expand(line.GetProperty("tests").EnumerateArray().Select(r => (Index(r[0].GetInt32(), tests), Index(r[1].GetInt32(), tests))));
        var outcomes = new RunOutcomes
        {
            Tests = ran,
            DurationsMs = DurationColumn.Decode(line.GetProperty("ms").GetString()!, ran.Length),
            Failures = [.. line.GetProperty("failed").EnumerateArray().Select(f => new RunFailure(Index(f[0].GetInt32(), tests), f[1].GetInt32(), f[2].GetInt32() == 1))],
            Skipped = [.. line.GetProperty("skipped").EnumerateArray().Select(s => Index(s.GetInt32(), tests))],
        };
        return new HistoryRun(id, Optional(line, "commit"), line.GetProperty("start").GetInt64(), outcomes);
    }

    private static int Index(int test, int tests) =>
        test >= 0 && test < tests ? test : throw new InvalidOperationException($"test index {test} is not one of the {tests} tests listed before it");

    private static string? Optional(JsonElement line, string name) =>
        line.TryGetProperty(name, out var value) ? value.GetString() : null;
}
