namespace FlakyCollector.Recording.Hosting;

/// <summary>
/// What FlakyTrace changed in one application host while it was being built, shared by the pieces
/// it registered there (one instance per host, so that two factories in one test process never mix).
/// </summary>
internal sealed class AppHostState
{
    private int cleanTestServerRequests;

    /// <summary>
    /// True once the host's TestServer was told to hand the caller's context over to the server
    /// by FlakyTrace (not by the application or its tests): each request then starts from a clean
    /// context that carries only the caller's Activity.
    /// </summary>
    public bool CleanTestServerRequests => Volatile.Read(ref cleanTestServerRequests) == 1;

    public void ServeTestServerRequestsClean() => Volatile.Write(ref cleanTestServerRequests, 1);
}
