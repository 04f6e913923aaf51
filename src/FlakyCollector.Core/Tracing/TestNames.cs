namespace FlakyCollector.Tracing;

/// <summary>A test's names as its span carries them: <c>test.case.name</c>, <c>test.suite.name</c> and <c>code.function.name</c>.</summary>
internal readonly record struct TestNames(string Case, string Suite, string Function);
