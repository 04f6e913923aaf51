namespace FlakyCollector.Tests.Recording.Hosting;

/// <summary>What a request handler saw of its ambient state, as the tests in this folder compare it.</summary>
public sealed record ServerObservation(
    string Culture,
    string? CallerAsyncLocal,
    string? AccessorPath,
    string? TraceId,
    string? ParentSpanId);
