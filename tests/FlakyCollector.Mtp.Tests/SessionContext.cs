using Microsoft.Testing.Platform.Services;
using Microsoft.Testing.Platform.TestHost;

namespace FlakyCollector.Mtp.Tests;

/// <summary>What the platform hands a session lifetime handler at the session's start and end.</summary>
internal sealed class SessionContext : ITestSessionContext
{
    public SessionUid SessionUid { get; } = new("session-1");

    public CancellationToken CancellationToken => CancellationToken.None;
}
