using FlakyCollector.Configuration;
using Microsoft.Testing.Platform.CommandLine;

namespace FlakyCollector.Mtp;

/// <summary>
/// Whether this run asked for tracing, and with which run settings: <c>--flaky-trace</c>, or an
/// enabled FlakyTrace data collector in the run settings given with <c>--settings</c>, as under VSTest.
/// </summary>
internal sealed record TracingRequest(bool Requested, RunSettingsFile Settings, string? Problem)
{
    private const string SettingsOption = "settings";

    public static TracingRequest From(ICommandLineOptions options)
    {
        var flag = options.IsOptionSet(FlakyTraceCommandLine.OptionName) || options.IsOptionSet(FlakyTraceCommandLine.CollectOptionName);
        if (!(options.TryGetOptionArgumentList(FlakyTraceCommandLine.SettingsOptionName, out var arguments) && arguments is [_, ..])
            && !options.TryGetOptionArgumentList(SettingsOption, out arguments))
        {
            return new TracingRequest(flag, RunSettingsFile.None, null);
        }

        if (arguments is not [var path, ..])
        {
            return new TracingRequest(flag, RunSettingsFile.None, null);
        }

        string xml;
        try
        {
            xml = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new TracingRequest(flag, RunSettingsFile.None, $"could not read the run settings file {path}: {ex.Message}");
        }

        var settings = RunSettingsFile.Parse(xml, out var problem);
        return new TracingRequest(
            flag || settings.CollectorEnabled,
            settings,
            problem is null ? null : $"the run settings file {path} was not read: {problem}");
    }
}
