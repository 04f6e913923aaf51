using Microsoft.Testing.Platform.Extensions.Messages;

namespace Microsoft.Testing.Extensions.TrxReport.Abstractions;

/// <summary>Named as the TRX report's own property, which the reader finds by its name, not its type.</summary>
internal sealed record TrxExceptionProperty(string? Message, string? StackTrace) : IProperty;
