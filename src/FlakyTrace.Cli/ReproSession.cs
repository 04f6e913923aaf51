using System.Diagnostics;
using System.Globalization;

namespace FlakyTrace.Cli;

/// <summary>
/// The <c>dotnet test</c> invocation every run of a repro shares: the user's arguments without their
/// own <c>--settings</c> (merged into repro's files) and <c>--filter</c> (repro picks the tests), the
/// runner the global.json selects, and the build, done by the first run only.
/// </summary>
internal sealed class ReproSession
{
    private readonly DotnetTestRunner runner;
    private readonly List<string> arguments;
    private readonly string workingDirectory;
    private readonly string projectDirectory;
    private bool built;
    private bool traced;

    public ReproSession(string dotnet, IReadOnlyList<string> userArguments, string here)
    {
        var flakyTraceSettingsOnly = false;
        runner = new DotnetTestRunner(dotnet);
        var absolute = DotnetTestArguments.Absolute(userArguments, here);
        arguments = [];
        for (var i = 0; i < absolute.Count; i++)
        {
            if (absolute[i] is "--settings" or "-s" && i + 1 < absolute.Count)
            {
                UserSettings = Path.GetFullPath(absolute[++i], here);
            }
            else if (absolute[i] is "--flaky-trace-settings" && i + 1 < absolute.Count)
            {
                // The platform's own option for FlakyTrace's run settings: merged into repro's, which take its place.
                UserSettings = Path.GetFullPath(absolute[++i], here);
                flakyTraceSettingsOnly = true;
            }
            else if (absolute[i] is "--flaky-trace")
            {
                // repro's runs switch tracing on themselves.
            }
            else if (absolute[i] is "--filter" && i + 1 < absolute.Count)
            {
                i++;
            }
            else
            {
                arguments.Add(absolute[i]);
            }
        }

        projectDirectory = DotnetTestArguments.TargetDirectory(arguments, here);
        workingDirectory = GlobalJsonTestRunner.Find(projectDirectory) == GlobalJsonTestRunner.Find(here) ? here : projectDirectory;
        TestRunner = GlobalJsonTestRunner.Detect(workingDirectory);
        if (TestRunner == TestRunner.MicrosoftTestingPlatform && UserSettings is not null && !flakyTraceSettingsOnly)
        {
            // There the framework reads --settings for its own configuration; FlakyTrace reads repro's --flaky-trace-settings.
            arguments.AddRange(["--settings", UserSettings]);
        }
    }

    public TestRunner TestRunner { get; }

    /// <summary>The user's own run settings file, merged into repro's.</summary>
    public string? UserSettings { get; }

    /// <summary>One traced run of the named tests (all tests when null); null, after saying why, when repro cannot go on.</summary>
    public ReproRun? RunOnce(string folder, string settings, IReadOnlyList<string>? tests, string label, TextWriter error)
    {
        var command = DotnetTestArguments.For(TestRunner, folder, arguments, noBuild: built, workingDirectory);
        command.AddRange(Extra(settings, tests));
        var watch = Stopwatch.StartNew();
        if (runner.Run(workingDirectory, folder, command, error) is not { } exit)
        {
            return null;
        }

        var log = DotnetTestLog.PathIn(folder);
        if (exit != 0 && DotnetTestLog.FirstBuildError(log) is { } buildError)
        {
            error.WriteLine($"{label}: the build failed (dotnet test exited {exit}):");
            error.WriteLine($"  {buildError}");
            error.WriteLine($"flakytrace: fix the build, then repro again. The whole output is in {log}");
            return null;
        }

        built = true;
        var run = ReproRun.Read(folder);
        error.WriteLine($"{label}: dotnet test exited {exit} in {watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        if (run.Executions.Count == 0 && traced)
        {
            // The setup is known good: one run without a trace (a crash, a recording that failed) is a run not counted, not the end of the experiment.
            error.WriteLine($"flakytrace: {label}: no test was traced under {folder}; this run is not counted. See {log}");
            return run;
        }

        if (run.Executions.Count == 0)
        {
            error.WriteLine($"flakytrace: no test was traced under {folder}. Does the test project reference the FlakyCollector package? Last lines of {log}:");
            foreach (var line in DotnetTestLog.Tail(log, 15))
            {
                error.WriteLine($"  {line}");
            }

            return null;
        }

        traced = true;
        return run;
    }

    /// <summary>The command a developer runs to see the failure again, without the runs' results folders.</summary>
    public string CommandLine(string settings, IReadOnlyList<string>? tests)
    {
        List<string> command = TestRunner == TestRunner.MicrosoftTestingPlatform ? ["dotnet", "test", "--flaky-trace"] : ["dotnet", "test", "--collect", "FlakyTrace"];
        var full = DotnetTestArguments.For(TestRunner, "", arguments, noBuild: false, workingDirectory);
        command.AddRange(full.Skip(TestRunner == TestRunner.MicrosoftTestingPlatform ? 4 : 5));
        command.AddRange(Extra(settings, tests));
        return string.Join(' ', command.Select(Quote));
    }

    private List<string> Extra(string settings, IReadOnlyList<string>? tests)
    {
        List<string> extra = TestRunner == TestRunner.MicrosoftTestingPlatform ? ["--flaky-trace-settings", settings] : ["--settings", settings];
        if (tests is not null)
        {
            extra.AddRange(ReproTestFilter.For(TestRunner, projectDirectory, tests));
        }

        return extra;
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or ',')
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
