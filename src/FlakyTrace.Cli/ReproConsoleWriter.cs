using FlakyCollector.Analysis.Repro;

namespace FlakyTrace.Cli;

/// <summary>The console view of repro's results: one block per test, the figures first.</summary>
internal static class ReproConsoleWriter
{
    public static void Write(IReadOnlyList<ReproResult> results, int runs, TextWriter output)
    {
        output.WriteLine($"flakytrace repro: {results.Count} test(s), {runs} run(s) with and {runs} without the condition each");
        foreach (var result in results)
        {
            output.WriteLine();
            output.WriteLine($"{result.Name}: {ReproResult.VerdictText(result.Verdict).ToUpperInvariant()}");
            output.WriteLine($"  cause:        {result.Cause}");
            if (result.With.Runs + result.Without.Runs > 0)
            {
                output.WriteLine($"  failed:       {result.With} with the condition, {result.Without} without (traced: {result.TracedFailureRate:P0}); same failure: {(result.SameFailure ? "yes" : "no")}");
            }

            if (result.InSuite)
            {
                output.WriteLine($"  ran:          among the whole suite, as traced (alone it failed {result.Alone} without the condition)");
            }

            output.WriteLine($"  why:          {result.Reason}");
            if (result.Cluster.Count > 0)
            {
                output.WriteLine($"  cluster with: {string.Join(", ", result.Cluster)}");
            }

            if (result.Repro.Length > 0)
            {
                output.WriteLine($"  repro:        {result.Repro}");
            }
        }
    }
}
