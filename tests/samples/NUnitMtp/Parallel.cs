namespace NUnitMtp;

[Parallelizable(ParallelScope.All)]
public class ParallelA
{
    [Test]
    public void Parallel_1() => Thread.Sleep(400);

    [Test]
    public void Parallel_2() => Thread.Sleep(400);
}

[Parallelizable(ParallelScope.All)]
public class ParallelB
{
    [Test]
    public void Parallel_1() => Thread.Sleep(400);

    [Test]
    public void Parallel_2() => Thread.Sleep(400);
}
