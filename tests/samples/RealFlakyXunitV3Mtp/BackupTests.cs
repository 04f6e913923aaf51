namespace RealFlakyXunitV3Mtp;

public class BackupTests
{
    [Fact]
    public async Task Verifies_Backup()
    {
        await ConnectionPool.QueryAsync("SELECT count(*) FROM orders_backup",
            TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(600 + Random.Shared.Next(600)));
    }
}
