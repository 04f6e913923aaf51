using System.Diagnostics.CodeAnalysis;
using FlakyCollector.Analysis.Flakiness;
using FlakyCollector.Analysis.History;
using FlakyCollector.Analysis.Model;
using FlakyCollector.Analysis.Reading;
using FlakyCollector.Analysis.Rendering;

namespace FlakyTrace.Cli;

/// <summary>Reads the inputs and analyzes them, turning every input problem into a message and an exit code.</summary>
internal static class InputAnalysis
{
    public static bool TryRun(
        IReadOnlyList<string> paths,
        bool retainDetails,
        TextWriter error,
        [NotNullWhen(true)] out TraceCorpus? corpus,
        [NotNullWhen(true)] out FlakinessReport? report,
        out int exitCode)
    {
        report = null;
        if (!TryRead(paths, retainDetails, acceptHistories: true, error, out corpus, out exitCode))
        {
            return false;
        }

        foreach (var note in InputNotes.Lines(corpus.Input))
        {
            error.WriteLine(note);
        }

        if (corpus.Executions.Count == 0)
        {
            error.WriteLine(corpus.Input.Files.Count == 0
                ? $"flakytrace: no .otlp.jsonl file under {string.Join(", ", paths)}. FlakyCollector writes them under the results directory's flakytrace/ folder: dotnet test --collect FlakyTrace (--flaky-trace under Microsoft.Testing.Platform)."
                : $"flakytrace: no test spans (spans with test.case.name) in {Quantity.Of(corpus.Input.Files.Count, "file")} under {string.Join(", ", paths)}.");
            exitCode = ExitCodes.NoTestSpans;
            return false;
        }

        report = FlakinessAnalyzer.Analyze(corpus);
        exitCode = ExitCodes.Success;
        return true;
    }

    /// <summary>
    /// Reads trace files and directories and, where <paramref name="acceptHistories"/>, history
    /// files named among them (a history's detailed runs join the traces; a run in both counts once).
    /// </summary>
    public static bool TryRead(IReadOnlyList<string> paths, bool retainDetails, bool acceptHistories, TextWriter error, [NotNullWhen(true)] out TraceCorpus? corpus, out int exitCode)
    {
        corpus = null;
        exitCode = ExitCodes.Success;
        try
        {
            var histories = acceptHistories ? paths.Where(p => File.Exists(p) && HistoryFileReader.IsHistory(p)).ToList() : [];
            var traces = paths.Except(histories).ToList();
            var read = traces.Count > 0 || histories.Count == 0 ? TraceInputReader.Read(traces, new TraceReadOptions { RetainDetails = retainDetails }) : null;
            corpus = histories.Count == 0 ? read! : HistoryCorpus.Combine(read, [.. histories.Select(HistoryFileReader.Read)]);
            return true;
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException)
        {
            // The user named something that is not there, or not traces: one line says which and why.
            error.WriteLine($"flakytrace: {ex.Message}");
            exitCode = ExitCodes.UsageError;
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"flakytrace: cannot read input: {ex.Message}");
            exitCode = ExitCodes.IoError;
            return false;
        }
    }

    /// <summary>Adds repro's results from <paramref name="file"/>, if named; false, after one line, when it cannot be read.</summary>
    public static bool TryAddRepro(ref FlakinessReport report, FileInfo? file, TextWriter error, out int exitCode)
    {
        exitCode = ExitCodes.Success;
        if (file is null)
        {
            return true;
        }

        try
        {
            report = report with { Repro = FlakyCollector.Analysis.Repro.ReproJson.Read(File.ReadAllText(file.FullName)) };
            return true;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
        {
            error.WriteLine(ex is InvalidDataException ? $"flakytrace: --repro {file.FullName}: {ex.Message}" : $"flakytrace: --repro {file.FullName}: no such file.");
            exitCode = ExitCodes.UsageError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"flakytrace: cannot read --repro {file.FullName}: {ex.Message}");
            exitCode = ExitCodes.IoError;
        }

        return false;
    }

    public static void WriteReport(FlakinessReport report, OutputFormat format, bool all, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Json:
                using (var buffer = new MemoryStream())
                {
                    JsonReportWriter.Write(report, buffer);
                    output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                }

                break;
            case OutputFormat.Markdown:
                MarkdownReportWriter.Write(report, output, all);
                break;
            default:
                ConsoleReportWriter.Write(report, output, all);
                break;
        }
    }

    public static int ExitCodeFor(FlakinessReport report, bool failOnFlaky) =>
        failOnFlaky && report.FlakyCount > 0 ? ExitCodes.FlakyFound : ExitCodes.Success;
}
