using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FlakyTrace.Bench.DbLogs;

/// <summary>
/// The two measured operations, each run inside tests of <see cref="PerTest"/> operations, every
/// test a root activity of the hooks' source (as the compiled hooks start it), as in a suite.
/// </summary>
public sealed class Workloads : IDisposable
{
    public const int PerTest = 20;

    private static readonly ActivitySource TestSource = new("FlakyTrace.Test");

    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly DbContextOptions<ItemDb> options;
    private readonly ILoggerFactory loggers = LoggerFactory.Create(b => b.AddEventSourceLogger().SetMinimumLevel(LogLevel.Information));
    private readonly ILogger logger;

    public Workloads()
    {
        connection.Open();
        options = new DbContextOptionsBuilder<ItemDb>().UseSqlite(connection).Options;
        using var db = new ItemDb(options);
        db.Database.EnsureCreated();
        db.Items.AddRange(Enumerable.Range(1, 100).Select(n => new Item { Sku = $"S-{n}", Quantity = n }));
        db.SaveChanges();
        logger = loggers.CreateLogger("Bench.Prices");
    }

    /// <summary>Runs <paramref name="count"/> EF Core queries; <paramref name="endTest"/> takes each test's recording.</summary>
    public void Queries(int count, Action<string> endTest)
    {
        using var db = new ItemDb(options);
        for (var done = 0; done < count; done += PerTest)
        {
            var test = StartTest(done);
            for (var i = 0; i < PerTest; i++)
            {
                var sku = $"S-{(i % 100) + 1}";
                _ = db.Items.AsNoTracking().Where(x => x.Sku == sku).Select(x => x.Quantity).FirstOrDefault();
            }

            test?.Stop();
            endTest(Key(done));
        }
    }

    /// <summary>Writes <paramref name="count"/> log records with a template and two arguments.</summary>
    public void Logs(int count, Action<string> endTest)
    {
        for (var done = 0; done < count; done += PerTest)
        {
            var test = StartTest(done);
            for (var i = 0; i < PerTest; i++)
            {
                logger.LogInformation("Used the cached price {Price} for {Sku}", 9.99m, "S-1");
            }

            test?.Stop();
            endTest(Key(done));
        }
    }

    public void Dispose()
    {
        loggers.Dispose();
        connection.Dispose();
    }

    private static Activity? StartTest(int done)
    {
        Activity.Current = null;
        var test = TestSource.StartActivity(Key(done));
        test?.SetTag("flakytrace.test.key", Key(done));
        return test;
    }

    private static string Key(int done) => "Bench.Test" + (done / PerTest % 64);
}
