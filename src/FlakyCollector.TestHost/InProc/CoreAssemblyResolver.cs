using System.Reflection;

namespace FlakyCollector.InProc;

/// <summary>
/// Resolves FlakyCollector.Core, and nothing else, from the folder this assembly was loaded from,
/// for a test process whose own dependencies do not list it (.NET before 8, or the package's
/// references switched off). Where the test project references the core, it is found first.
/// </summary>
internal static class CoreAssemblyResolver
{
    private const string CoreName = "FlakyCollector.Core";
    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }
    }

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        if (!string.Equals(new AssemblyName(args.Name).Name, CoreName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var directory = Path.GetDirectoryName(typeof(CoreAssemblyResolver).Assembly.Location);
        var path = directory is null ? null : Path.Combine(directory, CoreName + ".dll");
        return path is not null && File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}
