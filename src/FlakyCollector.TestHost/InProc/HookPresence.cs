using System.Collections.Concurrent;
using System.Reflection;

namespace FlakyCollector.InProc;

/// <summary>
/// Tells whether a test assembly was built with the package's assembly-level hook, which times
/// xUnit and NUnit tests from inside the test. Without it the collector times tests from vstest's
/// events, which arrive late for those frameworks.
/// </summary>
internal sealed class HookPresence
{
    private const string HookNamespace = "FlakyCollector.Hooks.";

    private readonly ConcurrentDictionary<string, bool> bySource = new(StringComparer.Ordinal);

    public bool IsCompiledInto(string? sourcePath) =>
        sourcePath is not null && bySource.GetOrAdd(sourcePath, Inspect);

    private static bool Inspect(string sourcePath)
    {
        var assembly = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && string.Equals(a.Location, sourcePath, StringComparison.Ordinal));
        return assembly is not null && assembly.GetCustomAttributesData()
            .Any(a => a.AttributeType.FullName?.StartsWith(HookNamespace, StringComparison.Ordinal) == true);
    }
}
