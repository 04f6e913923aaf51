namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>How a job of a recipe ended: succeeded or not, each script's exit code and output, and its step summary (<c>$GITHUB_STEP_SUMMARY</c>).</summary>
public sealed record CiJobResult(string Name, bool Succeeded, IReadOnlyList<(string Script, int ExitCode, string Output)> Scripts, string Summary)
{
    public override string ToString() =>
        $"{Name}: {(Succeeded ? "succeeded" : "failed")}\n" + string.Join("\n", Scripts.Select(s => $"--- {s.Script.Split('\n')[0]} -> {s.ExitCode}\n{s.Output}"));
}
