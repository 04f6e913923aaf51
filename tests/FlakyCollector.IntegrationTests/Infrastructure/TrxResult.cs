namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>One test result as the TRX logger of the same run recorded it.</summary>
public sealed record TrxResult(string ClassName, string TestName, string Outcome, TimeSpan Duration, DateTimeOffset Start, DateTimeOffset End, string? ErrorMessage, string? StackTrace, string? Output);
