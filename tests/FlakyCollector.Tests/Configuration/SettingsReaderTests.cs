using FlakyCollector.Configuration;

namespace FlakyCollector.Tests.Configuration;

public sealed class SettingsReaderTests
{
    private const string Secret = "sk-live-7f3a9c2e1b8d4a6f";

    [Fact]
    public void Read_NothingConfigured_Defaults()
    {
        var (settings, warnings) = Read();

        Assert.True(settings.Enabled);
        Assert.Null(settings.TracesEndpoint);
        Assert.Equal(OtlpProtocol.Grpc, settings.Protocol);
        Assert.Empty(settings.Headers);
        Assert.Null(settings.ServiceName);
        Assert.Empty(settings.ResourceAttributes);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.ExportTimeout);
        Assert.Null(settings.OutputDirectory);
        Assert.Null(settings.TestRunId);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Read_UnknownElement_WarningNamesItAndListsKnownOnes()
    {
        var (_, warnings) = Read(new() { ["Endpiont"] = "http://collector:4317" });

        var warning = Assert.Single(warnings);
        Assert.Contains("<Endpiont>", warning, StringComparison.Ordinal);
        Assert.All(SettingNames.UserElements, known => Assert.Contains(known, warning, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_KnownElementsInOtherCase_NoWarning()
    {
        var (settings, warnings) = Read(new()
        {
            ["endpoint"] = "http://collector:4317",
            ["ACTIVITYSOURCES"] = "MyCompany.*",
            ["testrunid"] = "run-1",
        });

        Assert.Empty(warnings);
        Assert.Equal("http://collector:4317/", settings.TracesEndpoint?.AbsoluteUri);
        Assert.Equal("run-1", settings.TestRunId);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("true", true)]
    public void Read_EnabledValid_Used(string text, bool expected)
    {
        var (settings, warnings) = Read(new() { [SettingNames.Enabled] = text });

        Assert.Equal(expected, settings.Enabled);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Read_EnabledInvalid_WarnsAndStaysEnabled()
    {
        var (settings, warnings) = Read(new() { [SettingNames.Enabled] = "yes" });

        Assert.True(settings.Enabled);
        var warning = Assert.Single(warnings);
        Assert.Contains("<Enabled>", warning, StringComparison.Ordinal);
        Assert.Contains("'yes'", warning, StringComparison.Ordinal);
        Assert.Contains("true or false", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true")]
    [InlineData(" TRUE ")]
    public void Read_SdkDisabled_NotEnabled(string value)
    {
        var (settings, _) = Read(environment: new() { [SettingNames.EnvSdkDisabled] = value });

        Assert.False(settings.Enabled);
    }

    [Fact]
    public void Read_SdkDisabledFalse_Enabled()
    {
        var (settings, _) = Read(environment: new() { [SettingNames.EnvSdkDisabled] = "false" });

        Assert.True(settings.Enabled);
    }

    [Fact]
    public void Read_SdkDisabledAndEnabledTrue_EnabledBecauseRunSettingsWin()
    {
        var (settings, _) = Read(
            new() { [SettingNames.Enabled] = "true" },
            new() { [SettingNames.EnvSdkDisabled] = "true" });

        Assert.True(settings.Enabled);
    }

    [Fact]
    public void Read_SdkDisabledAndEnabledInvalid_DisabledWithWarning()
    {
        var (settings, warnings) = Read(
            new() { [SettingNames.Enabled] = "maybe" },
            new() { [SettingNames.EnvSdkDisabled] = "true" });

        Assert.False(settings.Enabled);
        Assert.Contains(warnings, w => w.Contains(SettingNames.EnvSdkDisabled, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("grpc", nameof(OtlpProtocol.Grpc))]
    [InlineData("http/protobuf", nameof(OtlpProtocol.HttpProtobuf))]
    [InlineData("HTTP/Protobuf", nameof(OtlpProtocol.HttpProtobuf))]
    public void Read_ProtocolValid_Used(string text, string expected)
    {
        var (settings, warnings) = Read(new() { [SettingNames.Protocol] = text });

        Assert.Equal(Enum.Parse<OtlpProtocol>(expected), settings.Protocol);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Read_ProtocolInvalid_WarnsNamingValueAndValidOnesAndUsesGrpc()
    {
        var (settings, warnings) = Read(new() { [SettingNames.Protocol] = "http/json" });

        Assert.Equal(OtlpProtocol.Grpc, settings.Protocol);
        var warning = Assert.Single(warnings);
        Assert.Contains("'http/json'", warning, StringComparison.Ordinal);
        Assert.Contains("grpc", warning, StringComparison.Ordinal);
        Assert.Contains("http/protobuf", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ProtocolInSettingsAndVariables_SettingsWin()
    {
        var (settings, _) = Read(
            new() { [SettingNames.Protocol] = "grpc" },
            new() { [SettingNames.EnvTracesProtocol] = "http/protobuf", [SettingNames.EnvProtocol] = "http/protobuf" });

        Assert.Equal(OtlpProtocol.Grpc, settings.Protocol);
    }

    [Fact]
    public void Read_ProtocolInBothVariables_TracesVariableWins()
    {
        var (settings, _) = Read(environment: new()
        {
            [SettingNames.EnvTracesProtocol] = "http/protobuf",
            [SettingNames.EnvProtocol] = "grpc",
        });

        Assert.Equal(OtlpProtocol.HttpProtobuf, settings.Protocol);
    }

    [Fact]
    public void Read_ProtocolOnlyInGeneralVariable_Used()
    {
        var (settings, _) = Read(environment: new() { [SettingNames.EnvProtocol] = "http/protobuf" });

        Assert.Equal(OtlpProtocol.HttpProtobuf, settings.Protocol);
    }

    [Fact]
    public void Read_EndpointElementWithGrpc_UsedAsIs()
    {
        var (settings, warnings) = Read(new() { [SettingNames.Endpoint] = "http://collector:4317" });

        Assert.Equal("http://collector:4317/", settings.TracesEndpoint?.AbsoluteUri);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Read_EndpointElementWithHttpProtobuf_AppendsTracesPath()
    {
        var (settings, _) = Read(new()
        {
            [SettingNames.Endpoint] = "http://collector:4318",
            [SettingNames.Protocol] = "http/protobuf",
        });

        Assert.Equal("http://collector:4318/v1/traces", settings.TracesEndpoint?.AbsoluteUri);
    }

    [Fact]
    public void Read_GeneralEndpointVariableWithHttpProtobuf_AppendsTracesPath()
    {
        var (settings, _) = Read(environment: new()
        {
            [SettingNames.EnvEndpoint] = "https://otlp.example.com/tenant-a",
            [SettingNames.EnvProtocol] = "http/protobuf",
        });

        Assert.Equal("https://otlp.example.com/tenant-a/v1/traces", settings.TracesEndpoint?.AbsoluteUri);
    }

    [Fact]
    public void Read_GeneralEndpointVariableWithGrpc_UsedAsIs()
    {
        var (settings, _) = Read(environment: new() { [SettingNames.EnvEndpoint] = "http://collector:4317" });

        Assert.Equal("http://collector:4317/", settings.TracesEndpoint?.AbsoluteUri);
    }

    [Fact]
    public void Read_TracesEndpointVariableWithHttpProtobuf_UsedAsIs()
    {
        var (settings, _) = Read(environment: new()
        {
            [SettingNames.EnvTracesEndpoint] = "http://collector:4318/custom/ingest",
            [SettingNames.EnvProtocol] = "http/protobuf",
        });

        Assert.Equal("http://collector:4318/custom/ingest", settings.TracesEndpoint?.AbsoluteUri);
    }

    [Fact]
    public void Read_BothEndpointVariables_TracesVariableWins()
    {
        var (settings, _) = Read(environment: new()
        {
            [SettingNames.EnvTracesEndpoint] = "http://traces:4318/v1/traces",
            [SettingNames.EnvEndpoint] = "http://general:4318",
            [SettingNames.EnvProtocol] = "http/protobuf",
        });

        Assert.Equal("http://traces:4318/v1/traces", settings.TracesEndpoint?.AbsoluteUri);
    }

    [Fact]
    public void Read_EndpointInSettingsAndVariables_SettingsWin()
    {
        var (settings, _) = Read(
            new() { [SettingNames.Endpoint] = "http://from-settings:4317" },
            new() { [SettingNames.EnvTracesEndpoint] = "http://traces:4317", [SettingNames.EnvEndpoint] = "http://general:4317" });

        Assert.Equal("http://from-settings:4317/", settings.TracesEndpoint?.AbsoluteUri);
    }

    [Fact]
    public void Read_EndpointNoneInSettings_NoEndpointEvenWithVariable()
    {
        var (settings, warnings) = Read(
            new() { [SettingNames.Endpoint] = "none" },
            new() { [SettingNames.EnvEndpoint] = "http://general:4317" });

        Assert.Null(settings.TracesEndpoint);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Read_EndpointNoneInVariable_NoEndpoint()
    {
        var (settings, warnings) = Read(environment: new() { [SettingNames.EnvEndpoint] = "NONE" });

        Assert.Null(settings.TracesEndpoint);
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("collector:4317")]
    [InlineData("not a url")]
    [InlineData("ftp://collector/traces")]
    public void Read_EndpointInvalid_WarnsAndWritesFileOnly(string text)
    {
        var (settings, warnings) = Read(new() { [SettingNames.Endpoint] = text });

        Assert.Null(settings.TracesEndpoint);
        var warning = Assert.Single(warnings);
        Assert.Contains($"'{text}'", warning, StringComparison.Ordinal);
        Assert.Contains("http://", warning, StringComparison.Ordinal);
        Assert.Contains("none", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EndpointInvalidWithUserInfo_WarningHidesPassword()
    {
        var (_, warnings) = Read(new() { [SettingNames.Endpoint] = $"ftp://deploy:{Secret}@collector/traces" });

        var warning = Assert.Single(warnings);
        Assert.DoesNotContain(Secret, warning, StringComparison.Ordinal);
        Assert.Contains("collector/traces", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeadersValid_ParsedAndDecoded()
    {
        var (settings, warnings) = Read(new() { [SettingNames.Headers] = $"api-key={Secret},x-team=core%20infra" });

        Assert.Equal([new("api-key", Secret), new("x-team", "core infra")], settings.Headers);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Read_HeadersInSettingsAndVariables_SettingsWin()
    {
        var (settings, _) = Read(
            new() { [SettingNames.Headers] = "source=settings" },
            new() { [SettingNames.EnvTracesHeaders] = "source=traces", [SettingNames.EnvHeaders] = "source=general" });

        Assert.Equal("settings", Assert.Single(settings.Headers).Value);
    }

    [Fact]
    public void Read_HeadersInBothVariables_TracesVariableWins()
    {
        var (settings, _) = Read(environment: new()
        {
            [SettingNames.EnvTracesHeaders] = "source=traces",
            [SettingNames.EnvHeaders] = "source=general",
        });

        Assert.Equal("traces", Assert.Single(settings.Headers).Value);
    }

    [Fact]
    public void Read_HeadersOnlyInGeneralVariable_Used()
    {
        var (settings, _) = Read(environment: new() { [SettingNames.EnvHeaders] = "source=general" });

        Assert.Equal("general", Assert.Single(settings.Headers).Value);
    }

    [Fact]
    public void Read_HeadersInvalidInSettings_WarningNamesPositionNeverValue()
    {
        var (settings, warnings) = Read(new() { [SettingNames.Headers] = $"Authorization Bearer {Secret},x-team=core" });

        Assert.Equal(new KeyValuePair<string, string>("x-team", "core"), Assert.Single(settings.Headers));
        var warning = Assert.Single(warnings);
        Assert.Contains("entry 1", warning, StringComparison.Ordinal);
        Assert.Contains("key1=value1", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, warning, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeadersInvalidInVariables_NoWarningContainsSecret()
    {
        var (_, warnings) = Read(environment: new()
        {
            [SettingNames.EnvTracesHeaders] = $"={Secret},api-key:{Secret},x-ok=1",
            [SettingNames.EnvHeaders] = $"{Secret}",
        });

        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.DoesNotContain(Secret, w, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_EverySettingWrongWithSecretHeader_NoWarningContainsSecret()
    {
        var (_, warnings) = Read(new()
        {
            [SettingNames.Headers] = $"x-api-key {Secret}",
            [SettingNames.Endpoint] = $"ftp://user:{Secret}@collector",
            [SettingNames.Protocol] = "udp",
            [SettingNames.ExportTimeout] = "later",
            [SettingNames.Enabled] = "maybe",
            ["Secret"] = Secret,
        });

        Assert.Equal(6, warnings.Count);
        Assert.All(warnings, w => Assert.DoesNotContain(Secret, w, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ServiceNameInSettingsAndVariable_SettingsWin()
    {
        var (settings, _) = Read(
            new() { [SettingNames.ServiceName] = " orders-tests " },
            new() { [SettingNames.EnvServiceName] = "from-env" });

        Assert.Equal("orders-tests", settings.ServiceName);
    }

    [Fact]
    public void Read_ServiceNameOnlyInVariable_Used()
    {
        var (settings, _) = Read(environment: new() { [SettingNames.EnvServiceName] = "from-env" });

        Assert.Equal("from-env", settings.ServiceName);
    }

    [Fact]
    public void Read_ServiceNameBlankInSettings_FallsBackToVariable()
    {
        var (settings, warnings) = Read(
            new() { [SettingNames.ServiceName] = "   " },
            new() { [SettingNames.EnvServiceName] = "from-env" });

        Assert.Equal("from-env", settings.ServiceName);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Read_ResourceAttributesInBoth_MergedWithSettingsWinningKeyByKey()
    {
        var (settings, warnings) = Read(
            new() { [SettingNames.ResourceAttributes] = "team=payments,region=eu-west" },
            new() { [SettingNames.EnvResourceAttributes] = "deployment.environment=ci,team=core" });

        Assert.Equal(
            new Dictionary<string, string> { ["deployment.environment"] = "ci", ["team"] = "payments", ["region"] = "eu-west" },
            settings.ResourceAttributes.ToDictionary(p => p.Key, p => p.Value));
        Assert.Equal(3, settings.ResourceAttributes.Count);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Read_ResourceAttributesInvalidEntry_WarnsAndKeepsGoodOnes()
    {
        var (settings, warnings) = Read(new() { [SettingNames.ResourceAttributes] = "team=core,orphan" });

        Assert.Equal(new KeyValuePair<string, string>("team", "core"), Assert.Single(settings.ResourceAttributes));
        var warning = Assert.Single(warnings);
        Assert.Contains("resource attributes", warning, StringComparison.Ordinal);
        Assert.Contains("entry 2", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("750ms", 750)]
    [InlineData("2m", 120_000)]
    [InlineData("3000", 3_000)]
    public void Read_TimeoutElementValid_Used(string text, double expectedMilliseconds)
    {
        var (settings, warnings) = Read(new() { [SettingNames.ExportTimeout] = text });

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), settings.ExportTimeout);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Read_TimeoutElementInvalid_WarnsAndUsesDefault()
    {
        var (settings, warnings) = Read(new() { [SettingNames.ExportTimeout] = "soon" });

        Assert.Equal(FlakyTraceSettings.DefaultExportTimeout, settings.ExportTimeout);
        var warning = Assert.Single(warnings);
        Assert.Contains("'soon'", warning, StringComparison.Ordinal);
        Assert.Contains(DurationParser.Accepted, warning, StringComparison.Ordinal);
        Assert.Contains("Using 5s", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TimeoutElementNaN_WarnsAndUsesDefault()
    {
        var (settings, warnings) = Read(new() { [SettingNames.ExportTimeout] = "NaN" });

        Assert.Equal(FlakyTraceSettings.DefaultExportTimeout, settings.ExportTimeout);
        Assert.Single(warnings);
    }

    [Fact]
    public void Read_TimeoutVariablesInMilliseconds_TracesVariableWins()
    {
        var (settings, _) = Read(environment: new()
        {
            [SettingNames.EnvTracesTimeout] = "2000",
            [SettingNames.EnvTimeout] = "9000",
        });

        Assert.Equal(TimeSpan.FromSeconds(2), settings.ExportTimeout);
    }

    [Fact]
    public void Read_TimeoutOnlyInGeneralVariable_Used()
    {
        var (settings, _) = Read(environment: new() { [SettingNames.EnvTimeout] = "9000" });

        Assert.Equal(TimeSpan.FromSeconds(9), settings.ExportTimeout);
    }

    [Fact]
    public void Read_TimeoutInSettingsAndVariable_SettingsWin()
    {
        var (settings, _) = Read(
            new() { [SettingNames.ExportTimeout] = "1s" },
            new() { [SettingNames.EnvTracesTimeout] = "2000" });

        Assert.Equal(TimeSpan.FromSeconds(1), settings.ExportTimeout);
    }

    [Fact]
    public void Read_OutputDirectoryAndTestRunId_Used()
    {
        var (settings, warnings) = Read(new()
        {
            [SettingNames.OutputDirectory] = " /tmp/traces ",
            [SettingNames.TestRunId] = "4f2c1a",
        });

        Assert.Equal("/tmp/traces", settings.OutputDirectory);
        Assert.Equal("4f2c1a", settings.TestRunId);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Read_OutputDirectoryBlank_ResultsDirectoryUsed()
    {
        var (settings, _) = Read(new() { [SettingNames.OutputDirectory] = "  " });

        Assert.Null(settings.OutputDirectory);
    }

    [Theory]
    [InlineData("0.25", 0.25)]
    [InlineData("0", 0.0)]
    [InlineData("1", 1.0)]
    public void Read_SampleRatioValid_Used(string text, double expected)
    {
        var (settings, warnings) = Read(new() { [SettingNames.SampleRatio] = text });

        Assert.Empty(warnings);
        Assert.Equal(expected, settings.PassingSampleRatio);
    }

    [Theory]
    [InlineData("half")]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    public void Read_SampleRatioInvalid_WarnsAndKeepsAll(string text)
    {
        var (settings, warnings) = Read(new() { [SettingNames.SampleRatio] = text });

        Assert.Equal(1.0, settings.PassingSampleRatio);
        var warning = Assert.Single(warnings);
        Assert.Contains($"'{text}'", warning, StringComparison.Ordinal);
        Assert.Contains("from 0 to 1", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("traceidratio", "0.1", 0.1)]
    [InlineData("parentbased_traceidratio", "0.5", 0.5)]
    [InlineData("always_off", null, 0.0)]
    [InlineData("always_on", null, 1.0)]
    public void Read_StandardSamplerVariables_SetThePassingRatio(string sampler, string? argument, double expected)
    {
        var environment = new Dictionary<string, string> { [SettingNames.EnvSampler] = sampler };
        if (argument is not null)
        {
            environment[SettingNames.EnvSamplerArg] = argument;
        }

        var (settings, warnings) = Read(environment: environment);

        Assert.Empty(warnings);
        Assert.Equal(expected, settings.PassingSampleRatio);
    }

    [Fact]
    public void Read_SampleRatioInRunSettings_WinsOverSamplerVariables()
    {
        var (settings, _) = Read(
            new() { [SettingNames.SampleRatio] = "0.3" },
            new() { [SettingNames.EnvSampler] = "traceidratio", [SettingNames.EnvSamplerArg] = "0.9" });

        Assert.Equal(0.3, settings.PassingSampleRatio);
    }

    private static (FlakyTraceSettings Settings, IReadOnlyList<string> Warnings) Read(
        Dictionary<string, string>? runSettings = null, Dictionary<string, string>? environment = null)
    {
        // The logger hands the reader a case-insensitive dictionary; do the same.
        var settings = new Dictionary<string, string>(runSettings ?? [], StringComparer.OrdinalIgnoreCase);
        var variables = environment ?? [];
        var reader = new SettingsReader(settings, name => variables.GetValueOrDefault(name));
        return (reader.Read(), reader.Warnings);
    }
}
