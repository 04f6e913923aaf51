using System.Reflection;
using System.Text.RegularExpressions;
using FlakyCollector.Hooks;
using FlakyCollector.Recording;

namespace FlakyCollector.Tests.Hooks;

/// <summary>
/// The hooks the package compiles into test projects restate the core's names as literals (most of
/// them compile where the core is not referenced). Each literal must equal the constant it stands
/// for, and each call into the core must name a member that exists.
/// </summary>
public sealed partial class HookSourceLiteralsTests
{
    private static readonly Dictionary<string, string> Constants = new(StringComparer.Ordinal)
    {
        ["SourceName"] = TestActivityNames.SourceName,
        ["KeyTag"] = TestActivityNames.KeyTag,
        ["OutcomeTag"] = TestActivityNames.OutcomeTag,
    };

    public static TheoryData<string> HookFiles => new(Directory.GetFiles(HooksDirectory(), "*.cs").Select(Path.GetFileName).Order()!);

    [Fact]
    public void HooksDirectory_HoldsEveryHook()
    {
        Assert.Equal(
            ["FlakyTraceMSTestHook.cs", "FlakyTraceNUnitHook.cs", "FlakyTraceTestTraceHook.cs", "FlakyTraceXunitHook.cs", "FlakyTraceXunitV3Hook.cs"],
            Directory.GetFiles(HooksDirectory(), "*.cs").Select(Path.GetFileName).Order());
    }

    [Theory]
    [MemberData(nameof(HookFiles))]
    public void Literals_EachHook_EqualTheCoresConstants(string file)
    {
        var literals = Literals(File.ReadAllText(Path.Combine(HooksDirectory(), file)));

        if (file != "FlakyTraceTestTraceHook.cs")
        {
            Assert.Equal(TestActivityNames.SourceName, literals["SourceName"]);
            Assert.Equal(TestActivityNames.KeyTag, literals["KeyTag"]);
        }

        foreach (var (name, value) in literals)
        {
            Assert.True(Constants.TryGetValue(name, out var expected), $"{file}: the literal {name} stands for no constant this test knows");
            Assert.True(expected == value, $"{file}: {name} is \"{value}\", the core's constant is \"{expected}\"");
        }
    }

    [Theory]
    [MemberData(nameof(HookFiles))]
    public void CoreCalls_EachHook_NameMembersOfTheHookEntry(string file)
    {
        var text = File.ReadAllText(Path.Combine(HooksDirectory(), file));

        foreach (Match call in CoreCall().Matches(text))
        {
            var (type, member) = (call.Groups["type"].Value, call.Groups["member"].Value);
            Assert.Equal(typeof(FlakyTraceHookEntry).FullName, type);
            Assert.Contains(typeof(FlakyTraceHookEntry).GetMethods(BindingFlags.Public | BindingFlags.Static), m => m.Name == member);
        }
    }

    /// <summary>The <c>private const string Name = "value";</c> declarations of a hook source.</summary>
    public static Dictionary<string, string> Literals(string source) =>
        ConstDeclaration().Matches(source).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);

    private static string HooksDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var hooks = Path.Combine(directory.FullName, "src", "FlakyCollector.Package", "build", "hooks");
            if (File.Exists(Path.Combine(directory.FullName, "FlakyCollector.sln")) && Directory.Exists(hooks))
            {
                return hooks;
            }
        }

        throw new InvalidOperationException("src/FlakyCollector.Package/build/hooks not found above the test assembly");
    }

    [GeneratedRegex("""const\s+string\s+(?<name>\w+)\s*=\s*"(?<value>[^"]*)"\s*;""")]
    private static partial Regex ConstDeclaration();

    [GeneratedRegex(@"global::(?<type>FlakyCollector\.[\w.]+)\.(?<member>\w+)\s*\(")]
    private static partial Regex CoreCall();
}
