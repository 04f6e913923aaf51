using System.Reflection;

namespace FlakyCollector.Recording.Hosting;

/// <summary>
/// Runs after the application's and the tests' own configuration of <c>TestServerOptions</c>.
/// Where they asked TestServer to preserve the caller's context, the whole context is theirs to keep
/// and nothing is changed; otherwise TestServer is told to pass it on, and every request starts from
/// a clean context with only the caller's Activity (<see cref="HttpContextFactoryProxy"/>).
/// </summary>
internal sealed class TestServerOptionsConfiguration(PropertyInfo preserveExecutionContext, AppHostState state)
{
    public void Configure(object options)
    {
        if (preserveExecutionContext.GetValue(options) is true)
        {
            return;
        }

        preserveExecutionContext.SetValue(options, true);
        state.ServeTestServerRequestsClean();
    }
}
