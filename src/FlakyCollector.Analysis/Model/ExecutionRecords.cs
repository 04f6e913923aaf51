namespace FlakyCollector.Analysis.Model;

/// <summary>
/// What an execution keeps beside its figures only in some runs: the child spans and log records
/// listed in the HTML report, the masked log templates, the stack trace. Most executions have
/// none of them and share no object for them; one that has any gets one of these.
/// </summary>
internal sealed class ExecutionRecords
{
    public List<ChildSpanDetail>? Details { get; set; }

    public HashSet<string>? LogTemplates { get; set; }

    public List<LogMark>? Logs { get; set; }

    public string? StackTrace { get; set; }
}
