namespace TUnitMtp;

// TUnit runs tests in parallel by default; within each class the two tests run one after the other.

[NotInParallel("ParallelA")]
public class ParallelA
{
    [Test]
    public void Parallel_1() => Thread.Sleep(400);

    [Test]
    public void Parallel_2() => Thread.Sleep(400);
}

[NotInParallel("ParallelB")]
public class ParallelB
{
    [Test]
    public void Parallel_1() => Thread.Sleep(400);

    [Test]
    public void Parallel_2() => Thread.Sleep(400);
}
