using System.Reflection;
using System.Reflection.Metadata;

namespace FlakyCollector.Testing;

/// <summary>
/// Whether a test assembly's own code uses <see cref="TestTrace"/>: read from its metadata (a type
/// reference the compiler writes only where the code names the type), without loading anything.
/// </summary>
internal static class TestTraceUsage
{
    public static unsafe bool IsReferencedBy(Assembly assembly)
    {
        if (!assembly.TryGetRawMetadata(out var blob, out var length))
        {
            return false;
        }

        var reader = new MetadataReader(blob, length);
        foreach (var handle in reader.TypeReferences)
        {
            var type = reader.GetTypeReference(handle);
            if (reader.StringComparer.Equals(type.Name, nameof(TestTrace))
                && reader.StringComparer.Equals(type.Namespace, typeof(TestTrace).Namespace!))
            {
                return true;
            }
        }

        return false;
    }
}
