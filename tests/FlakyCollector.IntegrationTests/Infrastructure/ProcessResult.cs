namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>What a finished command did.</summary>
public sealed record ProcessResult(int ExitCode, string Output, TimeSpan Elapsed);
