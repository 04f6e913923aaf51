namespace RealFlakyXunitV3Mtp;

public class ExportTests
{
    [Fact]
    public async Task Exports_Orders()
    {
        await ConnectionPool.QueryAsync("COPY orders TO STDOUT",
            TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(600 + Random.Shared.Next(600)));
    }
}
