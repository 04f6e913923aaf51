using System.Reflection;
using System.Runtime.InteropServices;
using FlakyCollector.Configuration;
using FlakyCollector.Spans;

namespace FlakyCollector.Tracing;

/// <summary>The OpenTelemetry resource of one test assembly's spans.</summary>
internal static class TestResource
{
    public static readonly string CollectorVersion =
        typeof(TestResource).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <param name="testAssemblyPath">The test assembly (vstest's "source").</param>
    /// <param name="settings">The merged settings.</param>
    /// <param name="runtimeDescription">The test process's runtime, e.g. ".NET 10.0.12", when known.</param>
    /// <param name="runMetadata">The CI pipeline and commit (<c>cicd.*</c>, <c>vcs.*</c>); the configured resource attributes override them.</param>
    public static IReadOnlyList<SpanAttribute> Build(string testAssemblyPath, FlakyTraceSettings settings, string? runtimeDescription,
        IReadOnlyList<KeyValuePair<string, string>>? runMetadata = null)
    {
        var assemblyName = Path.GetFileNameWithoutExtension(testAssemblyPath);
        var attributes = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["service.name"] = assemblyName,
            ["host.name"] = Environment.MachineName,
            ["os.type"] = OsType(),
            ["telemetry.sdk.name"] = "flakycollector",
            ["telemetry.sdk.language"] = "dotnet",
            ["telemetry.sdk.version"] = CollectorVersion,
        };
        if (AssemblyVersion(testAssemblyPath) is { } version)
        {
            attributes["service.version"] = version;
        }

        if (runtimeDescription is not null)
        {
            attributes["process.runtime.name"] = ".NET";
            attributes["process.runtime.description"] = runtimeDescription;
            attributes["process.runtime.version"] = runtimeDescription.Split(' ').Last();
        }

        foreach (var (key, value) in (runMetadata ?? []).Concat(settings.ResourceAttributes))
        {
            attributes[key] = value;
        }

        // As OTEL_SERVICE_NAME does in OpenTelemetry, the service name wins over a service.name resource attribute.
        if (settings.ServiceName is not null)
        {
            attributes["service.name"] = settings.ServiceName;
        }

        return attributes.Select(a => new SpanAttribute(a.Key, a.Value)).ToList();
    }

    private static string OsType() =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "windows"
        : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "darwin"
        : RuntimeInformation.IsOSPlatform(OSPlatform.FreeBSD) ? "freebsd"
        : "linux";

    private static string? AssemblyVersion(string path)
    {
        try
        {
            return AssemblyName.GetAssemblyName(path).Version?.ToString();
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
