namespace TUnitMtp;

public class Repeats
{
    // Run three times: each run is an execution of its own, not a retry.
    [Test]
    [Repeat(2)]
    public async Task Repeated_Passes()
    {
        await Task.Delay(10);
        await Assert.That(1 + 1).IsEqualTo(2);
    }
}
