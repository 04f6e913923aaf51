using System.Diagnostics.CodeAnalysis;
using Microsoft.Testing.Platform.CommandLine;

namespace FlakyCollector.Mtp.Tests;

/// <summary>The test application's command line: option name to its arguments.</summary>
internal sealed class CommandLine(Dictionary<string, string[]> options) : ICommandLineOptions
{
    public bool IsOptionSet(string optionName) => options.ContainsKey(optionName);

    public bool TryGetOptionArgumentList(string optionName, [NotNullWhen(true)] out string[]? arguments) => options.TryGetValue(optionName, out arguments);
}
