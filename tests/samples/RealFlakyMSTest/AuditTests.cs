namespace RealFlakyMSTest;

[TestClass]
public class AuditTests
{
    [TestMethod]
    public async Task Writes_Audit_Entry()
    {
        await ConnectionPool.QueryAsync("INSERT INTO audit VALUES (@at, 'login', @who)",
            TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(20));
        await Task.Delay(150);
        await ConnectionPool.QueryAsync("INSERT INTO audit VALUES (@at, 'logout', @who)",
            TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(20));
    }
}
