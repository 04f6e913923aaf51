namespace FlakyCollector.Analysis.Flakiness;

/// <summary>
/// What makes two executions the same test: the service (test assembly), the runtime it ran on and
/// <c>test.case.name</c>. A multi-targeted project runs each test once per runtime, and a test that
/// always fails on one runtime is broken there, not flaky.
/// </summary>
internal readonly record struct TestIdentity(string? Service, string? Runtime, string Name);
