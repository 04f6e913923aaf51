using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Extensions;

namespace FlakyCollector.Mtp;

/// <summary>
/// Called by the entry point that Microsoft.Testing.Platform generates for every
/// <c>TestingPlatformBuilderHook</c> item; the package's build/FlakyCollector.props adds ours.
/// Registering costs nothing: the extension stays disabled unless tracing is asked for.
/// </summary>
public static class TestingPlatformBuilderHook
{
    public static void AddExtensions(ITestApplicationBuilder builder, string[] arguments)
    {
        builder.CommandLine.AddProvider(() => new FlakyTraceCommandLine());
        var session = new CompositeExtensionFactory<FlakyTraceSession>(services => new FlakyTraceSession(services));
        builder.TestHost.AddDataConsumer(session);
        builder.TestHost.AddTestSessionLifetimeHandle(session);
    }
}
