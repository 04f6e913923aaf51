using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.CommandLine;

namespace FlakyCollector.Mtp;

/// <summary>Declares <c>--flaky-trace</c>, named like the platform's own <c>--coverage</c> and <c>--report-trx</c>.</summary>
internal sealed class FlakyTraceCommandLine : ICommandLineOptionsProvider
{
    public const string OptionName = "flaky-trace";

    public string Uid => ExtensionInfo.Uid + ".CommandLine";

    public string Version => ExtensionInfo.Version;

    public string DisplayName => ExtensionInfo.DisplayName;

    public string Description => ExtensionInfo.Description;

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    public IReadOnlyCollection<CommandLineOption> GetCommandLineOptions() =>
    [
        new CommandLineOption(OptionName, "Trace every test as OpenTelemetry spans: TestResults/flakytrace/*.otlp.jsonl, and OTLP when an endpoint is set (run settings or OTEL_* variables).", ArgumentArity.Zero, isHidden: false),
    ];

    public Task<ValidationResult> ValidateOptionArgumentsAsync(CommandLineOption commandOption, string[] arguments) => ValidationResult.ValidTask;

    public Task<ValidationResult> ValidateCommandLineOptionsAsync(ICommandLineOptions commandLineOptions) => ValidationResult.ValidTask;
}
