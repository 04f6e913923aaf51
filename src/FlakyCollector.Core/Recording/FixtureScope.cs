using System.Collections.Concurrent;
using System.Reflection;

namespace FlakyCollector.Recording;

/// <summary>
/// The test classes a type's work serves when it runs outside any test: a class with a once-per-class
/// setup (NUnit's OneTimeSetUp, MSTest's ClassInitialize, also in a base class) and the classes derived from it,
/// the classes that take it as an xUnit class fixture (<c>IClassFixture&lt;T&gt;</c>), the classes
/// of every collection whose definition takes it as a collection fixture
/// (<c>ICollectionFixture&lt;T&gt;</c>), and for an NUnit <c>[SetUpFixture]</c> the classes of its
/// namespace. Read by name through reflection, so no framework is referenced. Cached per type.
/// </summary>
internal static class FixtureScope
{
    private const int MaxSuites = 200;

    private static readonly ConcurrentDictionary<Type, string[]> Served = new();
    private static readonly HashSet<string> ClassSetUpAttributes =
        new(["OneTimeSetUpAttribute", "TestFixtureSetUpAttribute", "ClassInitializeAttribute", "BeforeAttribute"], StringComparer.Ordinal);

    public static string[] SuitesServedBy(Type type) => Served.GetOrAdd(type, Find);

    private static string[] Find(Type fixture)
    {
        try
        {
            var types = Loadable(fixture.Assembly);
            var collections = types
                .Where(t => Implements(t, "ICollectionFixture`1", fixture))
                .Select(CollectionName)
                .OfType<string>()
                .ToHashSet(StringComparer.Ordinal);
            var setsUpItself = HasClassSetUp(fixture);
            var setUpNamespace = HasAttribute(fixture, "NUnit.Framework.SetUpFixtureAttribute") ? fixture.Namespace ?? string.Empty : null;

            return types
                .Where(t => t.IsClass)
                .Where(t => (setsUpItself && fixture.IsAssignableFrom(t))
                    || Implements(t, "IClassFixture`1", fixture)
                    || (CollectionOf(t) is { } name && collections.Contains(name))
                    || (setUpNamespace is not null && t != fixture && (t.Namespace ?? string.Empty).StartsWith(setUpNamespace, StringComparison.Ordinal)))
                .Select(t => t.FullName)
                .OfType<string>()
                .Take(MaxSuites)
                .ToArray();
        }
        catch (Exception)
        {
            // Reflection over a user's assembly can fail in many ways; then the work stays unattributed.
            return [];
        }
    }

    /// <summary>Whether the type or a base declares a once-per-class setup (NUnit OneTimeSetUp, MSTest ClassInitialize, TUnit Before(Class)).</summary>
    private static bool HasClassSetUp(Type type)
    {
        const BindingFlags declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            if (current.GetMethods(declared).Any(m => m.GetCustomAttributesData().Any(a => ClassSetUpAttributes.Contains(a.AttributeType.Name))))
            {
                return true;
            }
        }

        return false;
    }

    private static Type[] Loadable(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.OfType<Type>().ToArray();
        }
    }

    private static bool Implements(Type type, string genericName, Type argument) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.Name == genericName && i.GetGenericArguments()[0] == argument);

    private static bool HasAttribute(Type type, string fullName) =>
        type.GetCustomAttributesData().Any(a => a.AttributeType.FullName == fullName);

    /// <summary>The collection a test class is in (<c>[Collection("name")]</c> or <c>[Collection(typeof(Definition))]</c>).</summary>
    private static string? CollectionOf(Type type) =>
        type.GetCustomAttributesData()
            .Where(a => a.AttributeType.Name == "CollectionAttribute" && a.ConstructorArguments.Count == 1)
            .Select(a => a.ConstructorArguments[0].Value switch
            {
                string name => name,
                Type definition => CollectionName(definition) ?? definition.FullName,
                _ => null,
            })
            .FirstOrDefault();

    /// <summary>The name a collection definition declares (<c>[CollectionDefinition("name")]</c>), or its type's name when it declares none.</summary>
    private static string? CollectionName(Type definition) =>
        definition.GetCustomAttributesData()
            .Where(a => a.AttributeType.Name == "CollectionDefinitionAttribute")
            .Select(a => a.ConstructorArguments.Count == 1 && a.ConstructorArguments[0].Value is string name ? name : definition.FullName)
            .FirstOrDefault();
}
