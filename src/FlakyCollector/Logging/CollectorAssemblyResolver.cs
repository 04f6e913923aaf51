using System.Reflection;

namespace FlakyCollector.Logging;

/// <summary>
/// vstest loads FlakyCollector.dll from its code base but does not look for its dependencies
/// (FlakyCollector.TestHost.dll, FlakyCollector.Core.dll) beside it. This resolves exactly those, and nothing else, from
/// the folder FlakyCollector.dll came from.
/// </summary>
internal static class CollectorAssemblyResolver
{
    private static readonly string[] OwnAssemblies = ["FlakyCollector.TestHost", "FlakyCollector.Core"];
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
        var name = new AssemblyName(args.Name).Name;
        if (name is null || !OwnAssemblies.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var directory = Path.GetDirectoryName(typeof(CollectorAssemblyResolver).Assembly.Location);
        var path = directory is null ? null : Path.Combine(directory, name + ".dll");
        return path is not null && File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}
