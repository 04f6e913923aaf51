namespace FlakyCollector.Analysis.Model;

/// <summary>A line that could not be read as OTLP/JSON, with its 1-based line number.</summary>
public sealed record MalformedLine(string File, long Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}
