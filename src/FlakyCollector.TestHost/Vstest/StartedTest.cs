
namespace FlakyCollector.Vstest;

/// <summary>A test the test process started, as its journal keeps it until the test ends.</summary>
internal sealed record StartedTest(string Id, string FullyQualifiedName, string DisplayName, string Source, Uri? ExecutorUri, DateTimeOffset StartTime, int ProcessId);
