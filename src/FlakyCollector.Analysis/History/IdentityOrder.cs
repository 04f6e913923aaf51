using FlakyCollector.Analysis.Flakiness;

namespace FlakyCollector.Analysis.History;

/// <summary>The history's order of tests: service, then name, then runtime, ordinal.</summary>
internal sealed class IdentityOrder : IComparer<TestIdentity>
{
    public static readonly IdentityOrder Instance = new();

    public int Compare(TestIdentity x, TestIdentity y)
    {
        var c = string.CompareOrdinal(x.Service, y.Service);
        if (c == 0)
        {
            c = string.CompareOrdinal(x.Name, y.Name);
        }

        return c != 0 ? c : string.CompareOrdinal(x.Runtime, y.Runtime);
    }
}
