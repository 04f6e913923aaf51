namespace FlakyTrace.Bench.History;

/// <summary>
/// A suite of many tests as CI sees it: 1% flaky (each failing 10-30% of its runs, with one or two
/// messages and an HTTP call that answers 503 when it fails), two broken, the rest stable; 20 runs a
/// day, a new commit every 5 runs.
/// </summary>
internal sealed class SuiteModel(int tests, int seed)
{
    public const int RunsPerDay = 20;
    public const int RunsPerCommit = 5;

    private readonly double[] failureRates = Rates(tests, seed);

    public int Tests => tests;

    public string Name(int test) => $"Company.Product.Tests.Area{test / 100:000}.Feature{test % 100:00}Tests.Does_Thing_{test}";

    /// <summary>Whether the test fails in the run, decided by the run and test alone so every tool sees the same outcome.</summary>
    public bool Fails(int run, int test)
    {
        var rate = failureRates[test];
        return rate >= 1 || (rate > 0 && Unit(run, test, 1) < rate);
    }

    public string Message(int run, int test) => Unit(run, test, 2) < 0.7
        ? $"Expected status 200 but was 503 after {(int)(Unit(run, test, 3) * 900) + 100} ms"
        : $"Timed out after {(int)(Unit(run, test, 4) * 5000) + 1000} ms waiting for order {(int)(Unit(run, test, 5) * 1e6)}";

    public bool IsFlaky(int test) => failureRates[test] is > 0 and < 1;

    public int DurationMs(int run, int test) => 5 + (int)(Unit(run, test, 6) * (test % 7 == 0 ? 900 : 60));

    public static long StartMs(int run) =>
        new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() + ((long)(run / RunsPerDay) * 86_400_000) + ((run % RunsPerDay) * 3_600_000L);

    public static string Commit(int run) => $"{(run / RunsPerCommit) * 2654435761L:x16}{run / RunsPerCommit:x8}";

    public static string RunId(int run) => $"00000000-0000-4000-8000-{run:x12}";

    private static double[] Rates(int tests, int seed)
    {
        var random = new Random(seed);
        var rates = new double[tests];
        for (var i = 0; i < tests; i++)
        {
            rates[i] = i % 100 == 42 ? 0.1 + (0.2 * random.NextDouble()) : 0;
        }

        rates[7] = rates[tests - 3] = 1;
        return rates;
    }

    private static double Unit(int run, int test, int salt)
    {
        var h = (ulong)(run * 0x9E3779B1L) ^ ((ulong)test * 0x85EBCA77UL) ^ ((ulong)salt * 0xC2B2AE3DUL);
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return (h >> 11) / (double)(1UL << 53);
    }
}
