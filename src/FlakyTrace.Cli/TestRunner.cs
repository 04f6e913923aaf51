namespace FlakyTrace.Cli;

/// <summary>Which of its two modes <c>dotnet test</c> runs in; each switches tracing on its own way.</summary>
internal enum TestRunner
{
    /// <summary>The default: <c>dotnet test --collect FlakyTrace</c>.</summary>
    VSTest,

    /// <summary>global.json says <c>"test": {"runner": "Microsoft.Testing.Platform"}</c>: <c>dotnet test --flaky-trace</c>.</summary>
    MicrosoftTestingPlatform,
}
