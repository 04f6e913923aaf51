using System.Reflection;
using System.Runtime.CompilerServices;

namespace FlakyCollector.Recording.Hosting;

/// <summary>
/// What FlakyTrace registers in an application host while it is built (Microsoft.Extensions.Hosting,
/// so WebApplication, WebApplicationFactory and a generic host with TestServer alike):
/// <list type="bullet">
/// <item>first of all hosted services, a <see cref="HostStartMarker"/>: hosted services start without the test's Activity;</item>
/// <item>where TestServer is available, a post-configuration of <c>TestServerOptions</c> that lets
/// TestServer hand the caller's context to the server, unless the application already asked for that itself;</item>
/// <item>around the host's <c>IHttpContextFactory</c>, a <see cref="HttpContextFactoryProxy"/> that turns
/// that context into a clean one carrying only the caller's Activity.</item>
/// </list>
/// </summary>
internal static class AppHostWiring
{
    private const string HostedService = "Microsoft.Extensions.Hosting.IHostedService, Microsoft.Extensions.Hosting.Abstractions";
    private const string HttpContextFactory = "Microsoft.AspNetCore.Http.IHttpContextFactory, Microsoft.AspNetCore.Http.Abstractions";
    private const string TestServerOptions = "Microsoft.AspNetCore.TestHost.TestServerOptions, Microsoft.AspNetCore.TestHost";
    private const string PostConfigure = "Microsoft.Extensions.Options.PostConfigureOptions`1, Microsoft.Extensions.Options";
    private const string PostConfigureInterface = "Microsoft.Extensions.Options.IPostConfigureOptions`1, Microsoft.Extensions.Options";

    private static readonly ConditionalWeakTable<object, AppHostState> Wired = new();

    /// <summary>Edits one host's service collection, once. False when it is no service collection.</summary>
    public static bool Apply(object services)
    {
        var editor = ServiceCollectionEditor.For(services);
        if (editor is null || Wired.TryGetValue(services, out _))
        {
            return false;
        }

        var state = new AppHostState();
        Wired.AddOrUpdate(services, state);
        if (Type.GetType(HostedService, throwOnError: false) is { } hostedService)
        {
            editor.InsertFirst(hostedService, _ => HostStartMarker.Resolve(hostedService));
        }

        // TestServer is a package of its own: without it in the process there is nothing to follow.
        if (Type.GetType(TestServerOptions, throwOnError: false) is { } options
            && Type.GetType(HttpContextFactory, throwOnError: false) is { } factory
            && editor.Decorate(factory, inner => HttpContextFactoryProxy.Create(factory, inner, state)))
        {
            AddPostConfigure(editor, options, state);
        }

        return true;
    }

    private static void AddPostConfigure(ServiceCollectionEditor editor, Type options, AppHostState state)
    {
        var preserve = options.GetProperty("PreserveExecutionContext", BindingFlags.Public | BindingFlags.Instance);
        var postConfigure = Type.GetType(PostConfigure, throwOnError: false)?.MakeGenericType(options);
        var service = Type.GetType(PostConfigureInterface, throwOnError: false)?.MakeGenericType(options);
        if (preserve is null || postConfigure is null || service is null)
        {
            return;
        }

        var configure = new TestServerOptionsConfiguration(preserve, state);
        // Action<TestServerOptions> bound to Configure(object): reference-type parameters bind contravariantly.
        var action = Delegate.CreateDelegate(typeof(Action<>).MakeGenericType(options), configure, typeof(TestServerOptionsConfiguration).GetMethod(nameof(TestServerOptionsConfiguration.Configure))!);
        var instance = Activator.CreateInstance(postConfigure, [null, action])!;
        editor.Add(service, _ => instance);
    }
}
