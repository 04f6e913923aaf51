using System.Diagnostics;
using System.Reflection;

namespace FlakyCollector.Recording.Hosting;

/// <summary>
/// A do-nothing <c>IHostedService</c> registered first in every application host. The host resolves
/// its hosted services synchronously inside <c>StartAsync</c>, just before starting them; creating this
/// one clears <see cref="Activity.Current"/> for the rest of that start. So hosted services, and the
/// timers and loops they start, never capture the Activity of the test that happened to build the
/// host: their spans are the run's background work, not that test's children. Nothing else of the
/// starting context changes.
/// </summary>
internal class HostStartMarker : DispatchProxy
{
    internal static object Create(Type hostedServiceInterface) =>
        DispatchProxy.Create(hostedServiceInterface, typeof(HostStartMarker));

    /// <summary>The service factory: called by the host's container while the host starts.</summary>
    internal static object Resolve(Type hostedServiceInterface)
    {
        Activity.Current = null;
        return Create(hostedServiceInterface);
    }

    // StartAsync and StopAsync: nothing to do.
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => Task.CompletedTask;
}
