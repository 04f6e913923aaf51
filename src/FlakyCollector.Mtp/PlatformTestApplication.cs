using System.Reflection;
using FlakyCollector.Recording;

namespace FlakyCollector.Mtp;

/// <summary>The test application being traced: the file its spans name as their source, and its test framework.</summary>
internal sealed record PlatformTestApplication(string Source, TestFramework Framework)
{
    /// <summary>This process's: a platform test application is its own entry assembly.</summary>
    public static PlatformTestApplication Entry()
    {
        var entry = Assembly.GetEntryAssembly();
        return new(
            entry?.Location ?? Environment.ProcessPath ?? "tests",
            TestFrameworkDetector.FromAssemblyNames(entry?.GetReferencedAssemblies().Select(a => a.Name) ?? []));
    }
}
