#if !PLATFORM_V1
using Microsoft.Testing.Platform.Services;
#endif
using Microsoft.Testing.Platform.TestHost;

namespace FlakyCollector.Mtp;

/// <summary>
/// The session's start and end as each platform generation hands them over: 2.x passes a context,
/// 1.x (what xunit.v3 3.x and MSTest 3.x bring) the session's id and a cancellation token. The
/// same source is built twice, into FlakyCollector.Mtp (2.x) and FlakyCollector.Mtp.V1 (1.9).
/// </summary>
internal sealed partial class FlakyTraceSession
{
#if PLATFORM_V1
    public Task OnTestSessionStartingAsync(SessionUid sessionUid, CancellationToken cancellationToken) =>
        StartAsync(cancellationToken);

    public Task OnTestSessionFinishingAsync(SessionUid sessionUid, CancellationToken cancellationToken) =>
        FinishAsync(sessionUid, cancellationToken);
#else
    public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext) =>
        StartAsync(testSessionContext.CancellationToken);

    public Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext) =>
        FinishAsync(testSessionContext.SessionUid, testSessionContext.CancellationToken);
#endif
}
