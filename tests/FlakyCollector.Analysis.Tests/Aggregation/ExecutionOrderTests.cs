using FlakyCollector.Analysis.Aggregation;
using FlakyCollector.Analysis.Model;

namespace FlakyCollector.Analysis.Tests.Aggregation;

public sealed class ExecutionOrderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(500)]
    public void Sort_StartsNamesAndTracesTied_SameOrderAsTheComparer(int seed)
    {
        var random = new Random(seed);
        var executions = Enumerable.Range(0, 400)
            .Select(i => new TestExecution((UInt128)random.Next(1, 1_000_000) << 64 | (uint)i)
            {
                StartNanos = random.Next(0, 40),
                Name = random.Next(0, 2) == 0 ? "Shop.Tests.Stock.Reserve" : "Shop.Tests.Cart.Add",
            })
            .ToList();
        var expected = executions.ToList();
        expected.Sort(ExecutionOrder.Instance);

        ExecutionOrder.Sort(executions);

        Assert.Equal(expected, executions);
    }

    [Fact]
    public void Sort_Empty_StaysEmpty()
    {
        var executions = new List<TestExecution>();

        ExecutionOrder.Sort(executions);

        Assert.Empty(executions);
    }
}
