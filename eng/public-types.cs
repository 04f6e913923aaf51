// Lists the types a referencing project can see in an assembly: public top-level types and the
// public types nested in them. Usage: dotnet run eng/public-types.cs -- PATH.dll [--list]
// Reads metadata only, so the assembly is never loaded and its references need not resolve.
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: dotnet run eng/public-types.cs -- PATH.dll [--list]");
    return 2;
}

using var stream = File.OpenRead(args[0]);
using var pe = new PEReader(stream);
var reader = pe.GetMetadataReader();
var visible = new List<string>();
foreach (var handle in reader.TypeDefinitions)
{
    var type = reader.GetTypeDefinition(handle);
    if (IsVisible(type))
    {
        visible.Add(FullName(type));
    }
}

visible.Sort(StringComparer.Ordinal);
if (args.Contains("--list"))
{
    visible.ForEach(Console.WriteLine);
}

Console.WriteLine($"{visible.Count} public types in {Path.GetFileName(args[0])}");
return 0;

bool IsVisible(TypeDefinition type)
{
    var access = type.Attributes & TypeAttributes.VisibilityMask;
    if (access == TypeAttributes.Public)
    {
        return true;
    }

    return (access == TypeAttributes.NestedPublic || access == TypeAttributes.NestedFamily || access == TypeAttributes.NestedFamORAssem)
        && IsVisible(reader.GetTypeDefinition(type.GetDeclaringType()));
}

string FullName(TypeDefinition type)
{
    var name = reader.GetString(type.Name);
    if (type.IsNested)
    {
        return FullName(reader.GetTypeDefinition(type.GetDeclaringType())) + "+" + name;
    }

    var ns = reader.GetString(type.Namespace);
    return ns.Length == 0 ? name : ns + "." + name;
}
