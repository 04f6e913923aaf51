namespace RowsMSTest;

/// <summary>A value MSTest cannot serialise into a test case, so all rows of a method share one.</summary>
public sealed class Work(string name, int milliseconds)
{
    public string Name { get; } = name;

    public Func<int> Sleep { get; } = () =>
    {
        Thread.Sleep(milliseconds);
        return milliseconds;
    };

    public override string ToString() => Name;
}

[TestClass]
public sealed class Rows
{
    public static IEnumerable<object[]> Works =>
    [
        [new Work("slow", 400)],
        [new Work("quick", 1)],
        [new Work("slower", 600)],
    ];

    [TestMethod]
    [DynamicData(nameof(Works))]
    public void Shared(Work work) => Assert.IsTrue(work.Sleep() >= 0);

    [TestMethod]
    [DataRow(1, DisplayName = "first row")]
    [DataRow(2, DisplayName = "second row")]
    public void Named(int value) => Assert.IsTrue(value > 0);

    [TestMethod]
    public void Inconclusive() => Assert.Inconclusive("not decided");
}
