using System.Diagnostics;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace FlakyCollector.Recording.Hosting;

/// <summary>
/// Stands in for the application's <c>IHttpContextFactory</c> (ASP.NET Core's hosting calls it first
/// for every request, before the request's Activity starts and before <c>IHttpContextAccessor</c> is
/// set). For a TestServer request that FlakyTrace made carry the caller's context, it first swaps that
/// context for a clean one holding only the caller's Activity, so the server's span becomes the
/// caller's child and the application sees nothing else of the test. Everything else is forwarded.
/// Built at run time by <see cref="DispatchProxy"/>: the recorder has no compile reference to ASP.NET Core.
/// </summary>
internal class HttpContextFactoryProxy : DispatchProxy
{
    private object? inner;
    private AppHostState? state;

    internal static object Create(Type factoryInterface, object inner, AppHostState state)
    {
        var proxy = (HttpContextFactoryProxy)DispatchProxy.Create(factoryInterface, typeof(HttpContextFactoryProxy));
        proxy.inner = inner;
        proxy.state = state;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (state!.CleanTestServerRequests && targetMethod.Name == "Create")
        {
            // TestServer calls this synchronously at the start of the request's async method, so
            // the clean context holds for the whole request, and only for it.
            CleanExecutionContext.EnterCarrying(Activity.Current);
        }

        try
        {
            return targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
