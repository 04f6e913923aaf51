using Xunit.Sdk;
using Xunit.v3;

namespace RealFlakyXunitV3Mtp;

/// <summary>
/// Runs a class's tests in a new random order every run, as teams do to shake out tests that
/// depend on each other.
/// </summary>
public sealed class RandomOrder : ITestMethodOrderer
{
    public IReadOnlyCollection<TTestMethod?> OrderTestMethods<TTestMethod>(IReadOnlyCollection<TTestMethod?> testMethods)
        where TTestMethod : notnull, ITestMethod =>
        testMethods.OrderBy(_ => Random.Shared.Next()).ToList();
}
