using FlakyCollector.Configuration;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions.CommandLine;
using Microsoft.Testing.Platform.Extensions;

namespace FlakyCollector.Mtp;

/// <summary>Declares <c>--flaky-trace</c>, named like the platform's own <c>--coverage</c> and <c>--report-trx</c>.</summary>
internal sealed class FlakyTraceCommandLine : ICommandLineOptionsProvider
{
    public const string OptionName = "flaky-trace";

    /// <summary>VSTest's switch, accepted for FlakyTrace so that one command line serves both runners.</summary>
    public const string CollectOptionName = "collect";

    public const string CollectorName = SettingNames.FriendlyName;

    /// <summary>A run settings file for FlakyTrace, for frameworks whose runner has no <c>--settings</c> (xUnit v3, TUnit).</summary>
    public const string SettingsOptionName = "flaky-trace-settings";

    public string Uid => ExtensionInfo.Uid + ".CommandLine";

    public string Version => ExtensionInfo.Version;

    public string DisplayName => ExtensionInfo.DisplayName;

    public string Description => ExtensionInfo.Description;

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    public IReadOnlyCollection<CommandLineOption> GetCommandLineOptions() =>
    [
        new CommandLineOption(OptionName, "Trace every test as OpenTelemetry spans: TestResults/flakytrace/*.otlp.jsonl, and OTLP when an endpoint is set (run settings or OTEL_* variables).", ArgumentArity.Zero, isHidden: false),
        new CommandLineOption(SettingsOptionName, "A .runsettings file whose FlakyTrace data collector configures tracing (as --settings does where the framework has it); an enabled collector there switches tracing on.", ArgumentArity.ExactlyOne, isHidden: false),
        new CommandLineOption(CollectOptionName, "VSTest's --collect; only 'FlakyTrace' is served here (the same as --flaky-trace).", ArgumentArity.OneOrMore, isHidden: true),
    ];

    public Task<ValidationResult> ValidateOptionArgumentsAsync(CommandLineOption commandOption, string[] arguments) =>
        commandOption.Name != CollectOptionName || arguments.All(a => string.Equals(a, CollectorName, StringComparison.OrdinalIgnoreCase))
            ? ValidationResult.ValidTask
            : ValidationResult.InvalidTask($"--collect {string.Join(' ', arguments.Where(a => !string.Equals(a, CollectorName, StringComparison.OrdinalIgnoreCase)))} is VSTest syntax that Microsoft.Testing.Platform does not support; only --collect {CollectorName} is served (by the FlakyCollector package), like --flaky-trace.");

    public Task<ValidationResult> ValidateCommandLineOptionsAsync(ICommandLineOptions commandLineOptions) => ValidationResult.ValidTask;
}
