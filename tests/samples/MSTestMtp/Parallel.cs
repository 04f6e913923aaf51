namespace MSTestMtp;

[TestClass]
public class ParallelA
{
    [TestMethod]
    public void Parallel_1() => Thread.Sleep(400);

    [TestMethod]
    public void Parallel_2() => Thread.Sleep(400);
}

[TestClass]
public class ParallelB
{
    [TestMethod]
    public void Parallel_1() => Thread.Sleep(400);

    [TestMethod]
    public void Parallel_2() => Thread.Sleep(400);
}
