namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>One `dotnet test` run of a sample: its exit code and output, the TRX it wrote, and the trace files.</summary>
public sealed class SampleRun(ProcessResult process, string resultsDirectory)
{
    private readonly Lazy<IReadOnlyList<TrxResult>> trx = new(() => TrxReader.ReadAll(resultsDirectory));
    private readonly Lazy<IReadOnlyList<FileSpan>> spans = new(() => TraceFileReader.ReadAll(resultsDirectory));
    private readonly Lazy<IReadOnlyList<FileLogRecord>> logs = new(() => TraceFileReader.ReadLogs(resultsDirectory));

    public ProcessResult Process { get; } = process;

    public string ResultsDirectory { get; } = resultsDirectory;

    public IReadOnlyList<TrxResult> TrxResults => trx.Value;

    /// <summary>Every span of every <c>*.otlp.jsonl</c> file under the results directory.</summary>
    public IReadOnlyList<FileSpan> Spans => spans.Value;

    public IReadOnlyList<FileLogRecord> Logs => logs.Value;

    public IReadOnlyList<FileSpan> TestSpans => Spans.Where(s => s.Attributes.ContainsKey("test.case.name")).ToList();

    public IReadOnlyList<string> TraceFiles => TraceFileReader.Files(ResultsDirectory);

    /// <summary>Whether any test result reached the results directory: a TRX, or a trace file.</summary>
    public bool WroteResults =>
        Directory.Exists(ResultsDirectory)
        && Directory.EnumerateFiles(ResultsDirectory, "*.*", SearchOption.AllDirectories).Any(f => f.EndsWith(".trx", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".otlp.jsonl", StringComparison.Ordinal));

    public override string ToString() => Process.Output;
}
