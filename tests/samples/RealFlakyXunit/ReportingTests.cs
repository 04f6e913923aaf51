namespace RealFlakyXunit;

public class ReportingTests
{
    [Fact]
    public async Task Builds_Daily_Report()
    {
        await ConnectionPool.QueryAsync("SELECT day, sum(total) FROM orders GROUP BY day",
            TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(600 + Random.Shared.Next(600)));
    }

    [Fact]
    public async Task Builds_Monthly_Report()
    {
        await ConnectionPool.QueryAsync("SELECT month, sum(total) FROM orders GROUP BY month",
            TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(600 + Random.Shared.Next(600)));
    }
}
