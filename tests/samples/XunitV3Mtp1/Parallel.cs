namespace XunitV3Mtp1;

// xUnit puts each class in its own test collection and runs collections in parallel,
// so ParallelA and ParallelB overlap (the two tests within one class run one after the other).

public class ParallelA
{
    [Fact]
    public void Parallel_1() => Thread.Sleep(400);

    [Fact]
    public void Parallel_2() => Thread.Sleep(400);
}

public class ParallelB
{
    [Fact]
    public void Parallel_1() => Thread.Sleep(400);

    [Fact]
    public void Parallel_2() => Thread.Sleep(400);
}
