using System.Text.Json;

namespace FlakyTrace.Cli;

/// <summary>
/// Reads the test runner the .NET 10 SDK will use from the global.json nearest to a folder, as
/// <c>dotnet test</c> does from its working directory: <c>{"test": {"runner": "Microsoft.Testing.Platform"}}</c>
/// selects Microsoft.Testing.Platform; anything else, or no global.json, VSTest.
/// </summary>
internal static class GlobalJsonTestRunner
{
    public const string FileName = "global.json";

    private const string TestingPlatformRunner = "Microsoft.Testing.Platform";

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static TestRunner Detect(string directory) => Find(directory) is { } file ? RunnerIn(file) : TestRunner.VSTest;

    /// <summary>The global.json the SDK reads when started in <paramref name="directory"/>: the nearest one; a parent's is never consulted.</summary>
    public static string? Find(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var file = Path.Combine(current.FullName, FileName);
            if (File.Exists(file))
            {
                return file;
            }
        }

        return null;
    }

    private static TestRunner RunnerIn(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), Lenient);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("test", out var test)
                && test.ValueKind == JsonValueKind.Object
                && test.TryGetProperty("runner", out var runner)
                && runner.ValueKind == JsonValueKind.String
                && string.Equals(runner.GetString(), TestingPlatformRunner, StringComparison.OrdinalIgnoreCase)
                ? TestRunner.MicrosoftTestingPlatform
                : TestRunner.VSTest;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            // The SDK stops on a broken global.json with its own message; the run will show it.
            return TestRunner.VSTest;
        }
    }
}
