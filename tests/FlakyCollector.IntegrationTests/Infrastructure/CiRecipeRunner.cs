using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace FlakyCollector.IntegrationTests.Infrastructure;

/// <summary>
/// Runs a CI recipe's jobs on this machine as the CI platform would: each script in bash in the
/// project's folder, with the built <c>flakytrace</c> on PATH; a failed step skips the rest but
/// <c>always()</c> ones; the cache is a folder that outlives the pipeline runs (restored where the
/// recipe restores it, saved where it saves it, or when the job succeeded for Azure's Cache task);
/// Azure's <c>$(macros)</c> and output variables are resolved.
/// </summary>
public sealed partial class CiRecipeRunner(CiRecipe recipe, SampleProject project)
{
    private readonly string cache = Directory.CreateTempSubdirectory("flakytrace-ci-cache-").FullName;
    private int buildId;

    public string Cache => cache;

    /// <summary>One pipeline run: every job in order, with the given extra environment (the sample's switches).</summary>
    public List<CiJobResult> Run(IReadOnlyDictionary<string, string?> environment)
    {
        buildId++;
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        return [.. recipe.Jobs.Select(job => RunJob(job, environment, outputs))];
    }

    private CiJobResult RunJob(CiJob job, IReadOnlyDictionary<string, string?> environment, Dictionary<string, string> outputs)
    {
        // Every job starts on a fresh agent: no results, no history but what the cache restores.
        var temp = Directory.CreateTempSubdirectory("flakytrace-ci-agent-").FullName;
        var workspace = Path.Combine(temp, "workspace");
        if (Directory.Exists(Path.Combine(project.Directory, "TestResults")))
        {
            Directory.Delete(Path.Combine(project.Directory, "TestResults"), recursive: true);
        }

        var summary = Path.Combine(temp, "step-summary.md");
        var macros = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Pipeline.Workspace"] = workspace,
            ["Agent.TempDirectory"] = temp,
            ["Build.SourceBranchName"] = "main",
            ["Build.BuildId"] = buildId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in job.Variables)
        {
            var output = OutputReference().Match(value);
            macros[name] = output.Success ? outputs.GetValueOrDefault($"{output.Groups[1].Value}.{output.Groups[2].Value}.{output.Groups[3].Value}", "") : Expand(value, macros);
        }

        var failed = false;
        var scripts = new List<(string, int, string)>();
        var restored = new List<(string Key, string Path)>();
        foreach (var step in job.Steps)
        {
            if (failed && !step.Always)
            {
                continue;
            }

            var path = Expand(step.Text, macros);
            switch (step.Kind)
            {
                case CiStepKind.RestoreCache:
                    if (File.Exists(Local(path)))
                    {
                        File.Delete(Local(path));
                    }

                    CopyCache(Path.Combine(cache, Key(step.Text)), Local(path));
                    restored.Add((Key(step.Text), path));
                    break;
                case CiStepKind.SaveCache:
                    CopyCache(Local(path), Path.Combine(cache, Key(step.Text)));
                    break;
                case CiStepKind.Script:
                    var result = Bash(path, environment, summary);
                    scripts.Add((path, result.ExitCode, result.Output));
                    foreach (Match set in SetVariable().Matches(result.Output))
                    {
                        outputs[$"{job.Name}.{step.Name}.{set.Groups[1].Value}"] = set.Groups[2].Value.Trim();
                    }

                    failed |= result.ExitCode != 0 && !step.ContinueOnError;
                    break;
            }
        }

        if (job.SavesCacheOnSuccess && !failed)
        {
            foreach (var (key, path) in restored)
            {
                CopyCache(Local(path), Path.Combine(cache, key));
            }
        }

        return new CiJobResult(job.Name, !failed, scripts, File.Exists(summary) ? File.ReadAllText(summary) : "");
    }

    private string Local(string path) => Path.IsPathRooted(path) ? path : Path.Combine(project.Directory, path);

    private static string Key(string path) => string.Concat(path.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'));

    private static void CopyCache(string from, string to)
    {
        if (File.Exists(from))
        {
            File.Copy(from, to, overwrite: true);
        }
        else if (Directory.Exists(from))
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
            }
        }
    }

    private static string Expand(string text, Dictionary<string, string> macros)
    {
        for (var i = 0; i < 3; i++)
        {
            text = Macro().Replace(text, m => macros.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
        }

        return text;
    }

    private ProcessResult Bash(string script, IReadOnlyDictionary<string, string?> environment, string summary)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = project.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // GitHub Actions runs `run` with bash -e; Azure Pipelines runs `script` with plain bash.
        if (recipe.GitHub)
        {
            start.ArgumentList.Add("-e");
        }

        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("OTEL_", StringComparison.Ordinal) || k.StartsWith("VSTEST_", StringComparison.Ordinal) || k == "MSBUILDNOINPROCNODE").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["PATH"] = FlakyTraceTool.ShimFolder(project.Root) + Path.PathSeparator + start.Environment["PATH"];
        start.Environment["NUGET_PACKAGES"] = DotnetCommand.PackagesFolder;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["GITHUB_STEP_SUMMARY"] = summary;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the step did not finish in time:\n{script}\nOutput so far:\n{output}");
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, output.ToString(), TimeSpan.Zero);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    [GeneratedRegex(@"\$\(([A-Za-z_.]+)\)")]
    private static partial Regex Macro();

    [GeneratedRegex(@"^\$\[\s*dependencies\.(\w+)\.outputs\['(\w+)\.(\w+)'\]\s*\]$")]
    private static partial Regex OutputReference();

    [GeneratedRegex(@"##vso\[task\.setvariable variable=(\w+);isOutput=true\]([^\r\n]*)")]
    private static partial Regex SetVariable();
}
