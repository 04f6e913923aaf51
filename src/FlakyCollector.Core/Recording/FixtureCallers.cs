using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace FlakyCollector.Recording;

/// <summary>
/// The suite's own types on the stack where work outside any test began: a fixture's constructor,
/// a OneTimeSetUp or ClassInitialize method, or a helper they called. Frames of the runtime, the
/// test frameworks and the collector are passed over. An async method's frame names the type that
/// declared the method, not its compiler-generated state machine.
/// </summary>
internal static class FixtureCallers
{
    private const int MaxTypes = 8;

    private static readonly string[] FrameworkPrefixes =
    [
        "System", "Microsoft.", "mscorlib", "netstandard", "xunit", "NUnit", "nunit", "MSTest", "testhost",
        "Castle.", "Moq", "NSubstitute", "TUnit",
    ];

    // The collector's own assemblies, and the hooks it compiles into test assemblies.
    private static readonly string[] CollectorAssemblies = ["FlakyCollector", "FlakyCollector.Core", "FlakyCollector.TestHost", "FlakyCollector.Mtp"];
    private const string HookNamespace = "FlakyCollector.Hooks";

    public static IReadOnlyList<Type> Of(StackTrace stack)
    {
        var types = new List<Type>();
        foreach (var frame in stack.GetFrames())
        {
            if (frame.GetMethod()?.DeclaringType is not { } type || Outermost(type) is not { } declared
                || IsFramework(declared.Assembly) || declared.Namespace == HookNamespace)
            {
                continue;
            }

            if (!types.Contains(declared))
            {
                types.Add(declared);
                if (types.Count == MaxTypes)
                {
                    break;
                }
            }
        }

        return types;
    }

    private static Type? Outermost(Type type)
    {
        var current = type;
        while (current.IsDefined(typeof(CompilerGeneratedAttribute), false) && current.DeclaringType is { } outer)
        {
            current = outer;
        }

        return current.IsDefined(typeof(CompilerGeneratedAttribute), false) ? null : current;
    }

    private static bool IsFramework(Assembly assembly)
    {
        if (assembly.IsDynamic)
        {
            return true;
        }

        var name = assembly.GetName().Name ?? string.Empty;
        return Array.Exists(FrameworkPrefixes, prefix => name.StartsWith(prefix, StringComparison.Ordinal))
            || Array.IndexOf(CollectorAssemblies, name) >= 0;
    }
}
