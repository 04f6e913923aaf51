using FlakyCollector.Metadata;

namespace FlakyCollector.Configuration;

/// <summary>
/// Merges the FlakyTrace run settings (element name to text) with the <c>OTEL_*</c> variables:
/// run settings win over variables, variables over defaults. A wrong value becomes a warning that
/// names the setting and what it accepts, and the default is used.
/// </summary>
internal sealed class SettingsReader(IReadOnlyDictionary<string, string> runSettings, Func<string, string?> environment)
{
    private readonly List<string> warnings = [];

    public IReadOnlyList<string> Warnings => warnings;

    public FlakyTraceSettings Read()
    {
        foreach (var key in runSettings.Keys)
        {
            if (!SettingNames.UserElements.Contains(key, StringComparer.OrdinalIgnoreCase)
                && !SettingNames.WrittenByTooling.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                warnings.Add($"unknown setting <{key}> ignored; known settings: {string.Join(", ", SettingNames.UserElements)}");
            }
        }

        var protocol = ReadProtocol();
        var traces = ReadEndpoint(protocol);
        return new FlakyTraceSettings
        {
            Enabled = ReadEnabled(),
            Protocol = protocol,
            TracesEndpoint = traces,
            LogsEndpoint = traces is null ? null : OtlpEndpoint.ForLogs(traces, protocol, environment(SettingNames.EnvLogsEndpoint)),
            Headers = ReadHeaders(),
            ServiceName = Value(SettingNames.ServiceName, SettingNames.EnvServiceName),
            ResourceAttributes = ReadResourceAttributes(),
            ActivitySources = ActivitySourceList.Parse(Value(SettingNames.ActivitySources)),
            ExportTimeout = ReadTimeout(),
            OutputDirectory = Value(SettingNames.OutputDirectory),
            TestRunId = Value(SettingNames.TestRunId),
            PassingSampleRatio = ReadSampleRatio(),
            Quarantine = Value(SettingNames.Quarantine),
            Logs = ReadLogs(),
        };
    }

    private bool ReadLogs()
    {
        var text = Value(SettingNames.Logs);
        if (text is null || LogsSwitch.TryParse(text) is not { } on)
        {
            if (text is not null)
            {
                warnings.Add($"<{SettingNames.Logs}> '{text}' is not valid; use on or off. Using on.");
            }

            return true;
        }

        return on;
    }

    private string? Value(string element, params string[] variables)
    {
        if (runSettings.TryGetValue(element, out var fromSettings) && !string.IsNullOrWhiteSpace(fromSettings))
        {
            return fromSettings.Trim();
        }

        return variables.Select(environment).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
    }

    private bool ReadEnabled()
    {
        // An explicit <Enabled> wins, as every run setting does; OTEL_SDK_DISABLED decides only without one.
        var fallback = !string.Equals(environment(SettingNames.EnvSdkDisabled)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var text = Value(SettingNames.Enabled);
        if (text is null)
        {
            return fallback;
        }

        if (bool.TryParse(text, out var enabled))
        {
            return enabled;
        }

        var used = fallback ? "true" : $"false ({SettingNames.EnvSdkDisabled})";
        warnings.Add($"<{SettingNames.Enabled}> '{text}' is not valid; use true or false. Using {used}.");
        return fallback;
    }

    private OtlpProtocol ReadProtocol()
    {
        var text = Value(SettingNames.Protocol, SettingNames.EnvTracesProtocol, SettingNames.EnvProtocol);
        switch (text?.ToLowerInvariant())
        {
            case null or SettingNames.ProtocolGrpc:
                return OtlpProtocol.Grpc;
            case SettingNames.ProtocolHttpProtobuf:
                return OtlpProtocol.HttpProtobuf;
            default:
                warnings.Add($"protocol '{text}' is not valid; use {SettingNames.ProtocolGrpc} or {SettingNames.ProtocolHttpProtobuf}. Using {SettingNames.ProtocolGrpc}.");
                return OtlpProtocol.Grpc;
        }
    }

    private Uri? ReadEndpoint(OtlpProtocol protocol)
    {
        // The signal-specific variable is a complete URL; the general one and <Endpoint> are a base.
        var settingsValue = Value(SettingNames.Endpoint);
        var (text, isBase) = settingsValue is not null ? (settingsValue, true)
            : environment(SettingNames.EnvTracesEndpoint) is { Length: > 0 } traces ? (traces.Trim(), false)
            : (environment(SettingNames.EnvEndpoint)?.Trim(), true);
        if (string.IsNullOrEmpty(text) || string.Equals(text, "none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            warnings.Add($"endpoint '{UrlCredentials.Strip(text)}' is not valid; use an absolute http:// or https:// URL, or none. Writing the file only.");
            return null;
        }

        return OtlpEndpoint.ForTraces(uri, protocol, isBase);
    }

    private IReadOnlyList<KeyValuePair<string, string>> ReadHeaders()
    {
        var text = Value(SettingNames.Headers, SettingNames.EnvTracesHeaders, SettingNames.EnvHeaders);
        if (text is null)
        {
            return [];
        }

        var headers = KeyValueListParser.Parse(text, out var bad);
        if (bad.Count > 0)
        {
            warnings.Add($"headers: entry {string.Join(", ", bad)} is not key=value and was ignored (values are not shown: they may be secrets); use key1=value1,key2=value2.");
        }

        return headers;
    }

    private IReadOnlyList<KeyValuePair<string, string>> ReadResourceAttributes()
    {
        // Both sources apply; run settings win key by key.
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in new[] { environment(SettingNames.EnvResourceAttributes), runSettings.GetValueOrDefault(SettingNames.ResourceAttributes) })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var pairs = KeyValueListParser.Parse(text, out var bad);
            foreach (var (key, value) in pairs)
            {
                merged[key] = value;
            }

            if (bad.Count > 0)
            {
                warnings.Add($"resource attributes: entry {string.Join(", ", bad)} of '{text}' is not key=value and was ignored; use key1=value1,key2=value2.");
            }
        }

        return merged.ToList();
    }

    private TimeSpan ReadTimeout()
    {
        var text = Value(SettingNames.ExportTimeout, SettingNames.EnvTracesTimeout, SettingNames.EnvTimeout);
        if (text is null)
        {
            return FlakyTraceSettings.DefaultExportTimeout;
        }

        if (DurationParser.TryParse(text, out var timeout))
        {
            return timeout;
        }

        warnings.Add($"export timeout '{text}' is not valid; use {DurationParser.Accepted}. Using {FlakyTraceSettings.DefaultExportTimeout.TotalSeconds:0}s.");
        return FlakyTraceSettings.DefaultExportTimeout;
    }

    private double ReadSampleRatio()
    {
        // <SampleRatio> wins; else the standard sampler variables, read as the share of passing tests kept.
        var text = Value(SettingNames.SampleRatio);
        if (text is null)
        {
            var sampler = environment(SettingNames.EnvSampler)?.Trim().ToLowerInvariant();
            text = sampler switch
            {
                "traceidratio" or "parentbased_traceidratio" => environment(SettingNames.EnvSamplerArg)?.Trim() ?? "1",
                "always_off" or "parentbased_always_off" => "0",
                _ => null,
            };
        }

        if (text is null)
        {
            return 1;
        }

        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1)
        {
            return ratio;
        }

        warnings.Add($"sample ratio '{text}' is not valid; use a number from 0 to 1 (the share of passing tests kept; failing tests are always kept). Keeping all tests.");
        return 1;
    }
}
