namespace RowsXunit;

/// <summary>A value xUnit cannot serialise, so all rows of a theory share one test case.</summary>
public sealed class Work(string name, int milliseconds)
{
    public int Milliseconds { get; } = milliseconds;

    public override string ToString() => name;
}

public sealed class Rows
{
    public static TheoryData<Work> Works => new() { new Work("slow", 400), new Work("quick", 1), new Work("slower", 600) };

    [Theory]
    [InlineData(1)]
    [InlineData(1L)]
    [InlineData(1.0)]
    public void NotNull<T>(T value) => Assert.NotNull(value);

    [Theory]
    [MemberData(nameof(Works))]
    public void Shared(Work work)
    {
        Thread.Sleep(work.Milliseconds);
        Assert.True(work.Milliseconds < 500, $"{work} took too long");
    }
}
