using FlakyCollector.Configuration;
using FlakyCollector.Tracing;

namespace FlakyCollector.Tests.Tracing;

public sealed class TestResourceTests
{
    private const string MissingAssembly = "/nonexistent/bin/Shop.Orders.Tests.dll";

    [Fact]
    public void Build_NoServiceName_AssemblyFileNameWithoutExtension()
    {
        var resource = TestResource.Build(MissingAssembly, new FlakyTraceSettings(), null);

        Assert.Equal("Shop.Orders.Tests", resource.ValueOf("service.name"));
    }

    [Fact]
    public void Build_ServiceNameSetting_Wins()
    {
        var resource = TestResource.Build(MissingAssembly, new FlakyTraceSettings { ServiceName = "orders-ci" }, null);

        Assert.Equal("orders-ci", resource.ValueOf("service.name"));
    }

    [Fact]
    public void Build_ServiceNameSettingAndServiceNameResourceAttribute_ServiceNameSettingWins()
    {
        // OpenTelemetry: "If service.name is also provided in OTEL_RESOURCE_ATTRIBUTES, then OTEL_SERVICE_NAME takes precedence."
        var settings = new FlakyTraceSettings { ServiceName = "orders-ci", ResourceAttributes = [new("service.name", "from-attributes")] };

        var resource = TestResource.Build(MissingAssembly, settings, null);

        Assert.Equal("orders-ci", resource.ValueOf("service.name"));
    }

    [Fact]
    public void Build_ServiceNameOnlyAsResourceAttribute_Used()
    {
        var settings = new FlakyTraceSettings { ResourceAttributes = [new("service.name", "from-attributes")] };

        var resource = TestResource.Build(MissingAssembly, settings, null);

        Assert.Equal("from-attributes", resource.ValueOf("service.name"));
    }

    [Fact]
    public void Build_ResourceAttributes_AddedAndOverrideDetectedOnes()
    {
        var settings = new FlakyTraceSettings
        {
            ResourceAttributes = [new("host.name", "ci-runner-7"), new("deployment.environment", "ci")],
        };

        var resource = TestResource.Build(MissingAssembly, settings, null);

        Assert.Equal("ci-runner-7", resource.ValueOf("host.name"));
        Assert.Equal("ci", resource.ValueOf("deployment.environment"));
    }

    [Fact]
    public void Build_Any_TelemetrySdkAttributes()
    {
        var resource = TestResource.Build(MissingAssembly, new FlakyTraceSettings(), null);

        Assert.Equal("flakycollector", resource.ValueOf("telemetry.sdk.name"));
        Assert.Equal("dotnet", resource.ValueOf("telemetry.sdk.language"));
        Assert.Equal(TestResource.CollectorVersion, resource.ValueOf("telemetry.sdk.version"));
        Assert.Matches(@"^\d+\.\d+\.\d+", TestResource.CollectorVersion);
    }

    [Fact]
    public void Build_Any_HostAndOs()
    {
        var resource = TestResource.Build(MissingAssembly, new FlakyTraceSettings(), null);

        Assert.Equal(Environment.MachineName, resource.ValueOf("host.name"));
        Assert.Contains(resource.ValueOf("os.type"), new[] { "linux", "windows", "darwin", "freebsd" });
    }

    [Fact]
    public void Build_RuntimeDescription_ProcessRuntimeAttributes()
    {
        var resource = TestResource.Build(MissingAssembly, new FlakyTraceSettings(), ".NET 10.0.1");

        Assert.Equal(".NET", resource.ValueOf("process.runtime.name"));
        Assert.Equal(".NET 10.0.1", resource.ValueOf("process.runtime.description"));
        Assert.Equal("10.0.1", resource.ValueOf("process.runtime.version"));
    }

    [Fact]
    public void Build_NoRuntimeDescription_NoProcessRuntimeAttributes()
    {
        var resource = TestResource.Build(MissingAssembly, new FlakyTraceSettings(), null);

        Assert.DoesNotContain(resource, a => a.Key.StartsWith("process.runtime.", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_MissingAssembly_NoServiceVersion()
    {
        var resource = TestResource.Build(MissingAssembly, new FlakyTraceSettings(), null);

        Assert.False(resource.Has("service.version"));
    }

    [Fact]
    public void Build_RealAssembly_ServiceVersionFromAssembly()
    {
        // The collector's assembly version is pinned to 1.0.0.0 in its project file.
        var resource = TestResource.Build(typeof(TestResource).Assembly.Location, new FlakyTraceSettings(), null);

        Assert.Equal("FlakyCollector.Core", resource.ValueOf("service.name"));
        Assert.Equal("1.0.0.0", resource.ValueOf("service.version"));
    }
}
