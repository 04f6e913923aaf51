namespace FlakyCollector.Analysis.Reading;

/// <summary>Thrown inside the parser for a line that is JSON but not OTLP; becomes a malformed line.</summary>
internal sealed class InvalidOtlpException(string message) : Exception(message);
